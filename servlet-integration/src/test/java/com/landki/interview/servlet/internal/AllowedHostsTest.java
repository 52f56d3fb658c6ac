package com.landki.interview.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AllowedHostsTest {

    @Test
    void byDefaultLocalhostNamesIpLiteralsAndTheHostsOfTheAllowedOrigins() {
        AllowedHosts hosts = new AllowedHosts(Set.of(), Set.of("https://interview.example", "http://[2001:db8::1]:8080"));
        for (String host : new String[] {"localhost", "LOCALHOST:3001", "app.localhost", "127.0.0.1", "127.1.2.3:80",
                "[::1]", "[::1]:3001", "10.0.0.1:3001", "interview.example", "interview.example:443", "[2001:db8::1]", "localhost."}) {
            assertThat(hosts.allowed(host)).as(host).isTrue();
        }
        for (String host : new String[] {"evil.example", "interview.example.evil", "", "a b", "x:y",
                "[::1", "localhost:99999999", null}) {
            assertThat(hosts.allowed(host)).as(String.valueOf(host)).isFalse();
        }
    }

    @Test
    void configuredHostsReplaceTheOriginsButLoopbackStaysAndStarAllowsAny() {
        AllowedHosts hosts = new AllowedHosts(Set.of("api.example:8443"), Set.of("https://www.example"));
        assertThat(hosts.allowed("api.example")).isTrue();
        assertThat(hosts.allowed("www.example")).isFalse();
        assertThat(hosts.allowed("localhost")).isTrue();
        assertThat(new AllowedHosts(Set.of("*"), Set.of()).allowed("anything.example")).isTrue();
        assertThat(AllowedHosts.isLoopbackHost("localhost:3001")).isTrue();
        assertThat(AllowedHosts.isLoopbackHost("evil.example")).isFalse();
    }

    @Test
    void aRememberedDecisionIsTheSameAndAFloodOfHostValuesIsStillDecidedOneByOne() {
        AllowedHosts hosts = new AllowedHosts(Set.of("api.example"), Set.of());
        for (int round = 0; round < 2; round++) {
            assertThat(hosts.allowed("api.example")).isTrue();
            assertThat(hosts.allowed("evil.example")).isFalse();
        }
        // a scanner's host names fill the memory; later values are still decided by their own parse
        for (int i = 0; i < AllowedHosts.MAX_REMEMBERED + 10; i++) {
            assertThat(hosts.allowed("scan" + i + ".example")).isFalse();
        }
        assertThat(hosts.allowed("API.EXAMPLE:443")).isTrue();
        assertThat(hosts.allowed("127.0.0.1:8080")).isTrue();
        assertThat(hosts.allowed("api.example.evil")).isFalse();
    }
}

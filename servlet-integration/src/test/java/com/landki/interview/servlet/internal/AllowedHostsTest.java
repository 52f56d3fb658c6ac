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
}

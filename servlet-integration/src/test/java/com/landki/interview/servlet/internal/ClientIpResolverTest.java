package com.landki.interview.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientIpResolverTest {

    private final ClientIpResolver resolver = new ClientIpResolver(List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("::1")));

    @Test
    void untrustedPeerIsTheClientWhateverItForwards() {
        ClientIpResolver.ClientIp ip = resolver.resolve("198.51.100.7", List.of(), List.of("1.2.3.4"));
        assertThat(IpAddresses.format(ip.address())).isEqualTo("198.51.100.7");
        assertThat(ip.forwarded()).isTrue();
        assertThat(ip.isLoopback()).isFalse();
    }

    @Test
    void trustedProxyChainIsWalkedFromTheRight() {
        ClientIpResolver.ClientIp ip = resolver.resolve("10.0.0.2", List.of(),
                List.of("6.6.6.6, 203.0.113.9", "10.0.0.5"));
        assertThat(IpAddresses.format(ip.address())).isEqualTo("203.0.113.9");
    }

    @Test
    void configuredForwardedHeaderUnderstandsIpv6WithPortAndIgnoresXForwardedFor() {
        ClientIpResolver rfc7239 = new ClientIpResolver(List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("::1")), true);
        ClientIpResolver.ClientIp ip = rfc7239.resolve("::1",
                List.of("for=\"[2001:db8:cafe::17]:4711\";proto=https, for=10.1.1.1"), List.of("9.9.9.9"));
        assertThat(IpAddresses.format(ip.address())).isEqualTo("2001:db8:cafe:0:0:0:0:17");
        // only X-Forwarded-For from the client: the configured header is absent, the proxy is the client
        assertThat(IpAddresses.format(rfc7239.resolve("10.0.0.2", List.of(), List.of("9.9.9.9")).address()))
                .isEqualTo("10.0.0.2");
    }

    @Test
    void byDefaultAForgedForwardedHeaderIsIgnoredAndXForwardedForIsBelieved() {
        // issue 17: nginx appends to X-Forwarded-For and passes the client's own Forwarded on untouched
        ClientIpResolver.ClientIp ip = resolver.resolve("10.0.0.2", List.of("for=6.6.6.6"),
                List.of("7.7.7.7, 203.0.113.9"));
        assertThat(IpAddresses.format(ip.address())).isEqualTo("203.0.113.9");
        assertThat(ip.forwarded()).isTrue();
    }

    @Test
    void hostnamesAndGarbageAreNeverResolved() {
        ClientIpResolver.ClientIp ip = resolver.resolve("10.0.0.2", List.of(), List.of("evil.example.com"));
        assertThat(IpAddresses.format(ip.address())).isEqualTo("10.0.0.2");
        assertThat(IpAddresses.parseLiteral("localhost")).isNull();
        assertThat(IpAddresses.parseLiteral("abc.def")).isNull();
    }

    @Test
    void directLoopbackIsLoopbackButForwardedLoopbackIsNot() {
        assertThat(resolver.resolve("127.0.0.1", List.of(), List.of()).isLoopback()).isTrue();
        assertThat(resolver.resolve("127.0.0.1", List.of(), List.of("203.0.113.1")).isLoopback()).isFalse();
    }

    @Test
    void ipv4MappedPeersMatchIpv4Networks() {
        assertThat(resolver.isTrustedPeer("::ffff:10.1.2.3")).isTrue();
        assertThat(resolver.isTrustedPeer("11.1.2.3")).isFalse();
    }
}

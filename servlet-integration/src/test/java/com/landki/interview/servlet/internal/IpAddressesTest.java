package com.landki.interview.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IpAddressesTest {

    @Test
    void anonymizesIpv4To24() {
        assertThat(IpAddresses.anonymize(IpAddresses.parseLiteral("203.0.113.77"))).isEqualTo("203.0.113.0");
    }

    @Test
    void anonymizesIpv6To48() {
        assertThat(IpAddresses.anonymize(IpAddresses.parseLiteral("2001:db8:abcd:12:1:2:3:4"))).isEqualTo("2001:db8:abcd::");
    }

    @Test
    void anonymizesIpv4MappedAsIpv4() {
        assertThat(IpAddresses.anonymize(IpAddresses.parseLiteral("::ffff:192.0.2.55"))).isEqualTo("192.0.2.0");
    }

    @Test
    void rateLimitKeyIsTheIpv4AddressOrTheIpv6Slash64() {
        assertThat(IpAddresses.rateLimitKey(IpAddresses.parseLiteral("203.0.113.77"))).isEqualTo("203.0.113.77");
        assertThat(IpAddresses.rateLimitKey(IpAddresses.parseLiteral("2001:db8:1:2:aaaa::1")))
                .isEqualTo(IpAddresses.rateLimitKey(IpAddresses.parseLiteral("2001:db8:1:2:bbbb::9")))
                .isEqualTo("2001:db8:1:2::/64");
    }

    @Test
    void cidrMatchesItsNetworkOnly() {
        Cidr cidr = Cidr.parse("192.168.4.0/22");
        assertThat(cidr.contains(IpAddresses.parseLiteral("192.168.7.255"))).isTrue();
        assertThat(cidr.contains(IpAddresses.parseLiteral("192.168.8.0"))).isFalse();
        assertThat(cidr.contains(IpAddresses.parseLiteral("::1"))).isFalse();
    }

    @Test
    void badCidrsNameTheVariable() {
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).hasMessageContaining("TRUSTED_PROXIES");
        assertThatThrownBy(() -> Cidr.parse("proxy.internal")).hasMessageContaining("TRUSTED_PROXIES");
    }
}

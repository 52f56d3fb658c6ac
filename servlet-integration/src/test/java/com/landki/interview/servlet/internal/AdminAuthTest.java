package com.landki.interview.servlet.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AdminAuthTest {

    private final ClientIpResolver ips = new ClientIpResolver(List.of());
    private final ClientIpResolver.ClientIp remote = ips.resolve("203.0.113.5", List.of(), List.of());
    private final ClientIpResolver.ClientIp local = ips.resolve("127.0.0.1", List.of(), List.of());

    @Test
    void tokenMustMatch() {
        AdminAuth auth = new AdminAuth("s3cret");
        assertThatCode(() -> auth.check("Bearer s3cret", remote)).doesNotThrowAnyException();
        assertThatCode(() -> auth.check("bearer s3cret", remote)).doesNotThrowAnyException();
        assertThatThrownBy(() -> auth.check("Bearer s3cre", remote)).isInstanceOfSatisfying(ApiException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.headers()).containsKey("WWW-Authenticate"));
        assertThatThrownBy(() -> auth.check(null, local)).hasMessageContaining("Authorization");
        assertThatThrownBy(() -> auth.check("Basic czNjcmV0", remote)).isInstanceOf(ApiException.class);
    }

    @Test
    void withoutTokenOnlyDirectLoopbackIsAdmin() {
        AdminAuth auth = new AdminAuth(null);
        assertThatCode(() -> auth.check(null, local)).doesNotThrowAnyException();
        assertThatThrownBy(() -> auth.check(null, remote)).hasMessageContaining("ADMIN_TOKEN");
        ClientIpResolver.ClientIp proxied = ips.resolve("127.0.0.1", List.of(), List.of("203.0.113.5"));
        assertThatThrownBy(() -> auth.check(null, proxied)).isInstanceOf(ApiException.class);
    }
}

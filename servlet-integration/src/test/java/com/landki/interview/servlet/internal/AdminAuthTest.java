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
        assertThatCode(() -> auth.check("Bearer s3cret", remote, "interview.example", null)).doesNotThrowAnyException();
        assertThatCode(() -> auth.check("bearer s3cret", remote, "interview.example", null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> auth.check("Bearer s3cre", remote, "interview.example", null)).isInstanceOfSatisfying(ApiException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.headers()).containsKey("WWW-Authenticate"));
        assertThatThrownBy(() -> auth.check(null, local, "127.0.0.1:3001", null)).hasMessageContaining("Authorization");
        assertThatThrownBy(() -> auth.check("Basic czNjcmV0", remote, "interview.example", null)).isInstanceOf(ApiException.class);
    }

    @Test
    void withoutTokenOnlyDirectLoopbackIsAdmin() {
        AdminAuth auth = new AdminAuth(null);
        assertThatCode(() -> auth.check(null, local, "127.0.0.1:3001", null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> auth.check(null, remote, "interview.example", null)).hasMessageContaining("ADMIN_TOKEN");
        ClientIpResolver.ClientIp proxied = ips.resolve("127.0.0.1", List.of(), List.of("203.0.113.5"));
        assertThatThrownBy(() -> auth.check(null, proxied, "127.0.0.1", null)).isInstanceOf(ApiException.class);
    }

    @Test
    void withoutTokenALoopbackClientNamingAnotherHostIsNotAdmin() {
        // DNS rebinding: evil.example resolves to 127.0.0.1, the browser sends its own host name
        AdminAuth auth = new AdminAuth(null);
        assertThatThrownBy(() -> auth.check(null, local, "evil.example", null))
                .hasMessageContaining("loopback address and Host");
        assertThatThrownBy(() -> auth.check(null, local, "evil.example:3001", null)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> auth.check(null, local, null, null)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> auth.check(null, local, "localhost", "evil.example")).isInstanceOf(ApiException.class);
        assertThatCode(() -> auth.check(null, local, "localhost:3001", null)).doesNotThrowAnyException();
        assertThatCode(() -> auth.check(null, local, "[::1]:3001", null)).doesNotThrowAnyException();
    }
}

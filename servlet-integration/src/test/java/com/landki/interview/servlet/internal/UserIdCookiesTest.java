package com.landki.interview.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UserIdCookiesTest {

    private final UserIdCookies cookies = new UserIdCookies("0123456789abcdef-key".getBytes(StandardCharsets.UTF_8));

    @Test
    void signedValueVerifiesToItsUserId() {
        String id = cookies.newUserId();
        assertThat(id).matches("u_[0-9a-f]{32}");
        assertThat(cookies.verify(cookies.sign(id))).isEqualTo(id);
    }

    @Test
    void tamperedForeignAndMalformedValuesAreRejected() {
        String signed = cookies.sign("u_aaaa");
        assertThat(cookies.verify(signed.replace("u_aaaa", "u_bbbb"))).isNull();
        assertThat(cookies.verify(signed + "x")).isNull();
        UserIdCookies other = new UserIdCookies("another-key-of-16+".getBytes(StandardCharsets.UTF_8));
        assertThat(other.verify(signed)).isNull();
        assertThat(cookies.verify("no-dot")).isNull();
        assertThat(cookies.verify(null)).isNull();
    }

    @Test
    void cookieIsHttpOnlyLaxAndSecureOnlyOnHttps() {
        assertThat(UserIdCookies.setCookieHeader("uid", "v", "/ctx/interview/api", false))
                .isEqualTo("uid=v; Path=/ctx/interview/api; Max-Age=31536000; HttpOnly; SameSite=Lax");
        assertThat(UserIdCookies.setCookieHeader("uid", "v", "/a", true)).endsWith("; Secure");
    }

    @Test
    void logHashIsStableAndDoesNotRevealTheId() {
        assertThat(cookies.hashForLog("u_1")).isEqualTo(cookies.hashForLog("u_1")).doesNotContain("u_1")
                .isNotEqualTo(cookies.hashForLog("u_2"));
    }
}

package com.landki.interview.servlet.internal;

import com.landki.interview.chatkit.server.setup.StoreHooks;
import com.landki.interview.config.Settings;
import com.landki.interview.internal.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * Issues and verifies the persistent user id cookie value {@code u_<32 hex>.<base64url HMAC-SHA256>}.
 * A value whose signature does not verify is treated as absent, so a forged or foreign cookie is
 * replaced, never trusted. Thread-safe.
 */
public final class UserIdCookies {

    public static final String DEFAULT_NAME = "interview_uid";
    static final long MAX_AGE_SECONDS = 365L * 24 * 3600;

    private final HmacSha256 hmac;
    private final Function<String, String> logHash;
    private final SecureRandom random = new SecureRandom();

    public UserIdCookies(byte[] key) {
        if (key.length < Settings.MIN_COOKIE_SECRET_BYTES) {
            throw new IllegalArgumentException("USER_ID_COOKIE_SECRET must be at least " + Settings.MIN_COOKIE_SECRET_BYTES
                    + " bytes");
        }
        this.hmac = new HmacSha256(key);
        this.logHash = StoreHooks.keyedUserHash(key);
    }

    /** A new random user id. */
    public String newUserId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return "u_" + HexFormat.of().formatHex(bytes);
    }

    public String sign(String userId) {
        return userId + "." + mac(userId);
    }

    /** The user id inside a signed cookie value, or {@code null} when absent, malformed or forged. */
    public String verify(String cookieValue) {
        if (cookieValue == null) {
            return null;
        }
        int dot = cookieValue.lastIndexOf('.');
        if (dot <= 0 || dot > 80) {
            return null;
        }
        String userId = cookieValue.substring(0, dot);
        byte[] expected = mac(userId).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = cookieValue.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual) ? userId : null;
    }

    /** The full {@code Set-Cookie} header value. */
    public static String setCookieHeader(String name, String value, String path, boolean secure) {
        StringBuilder header = new StringBuilder()
                .append(name).append('=').append(value)
                .append("; Path=").append(path.isEmpty() ? "/" : path)
                .append("; Max-Age=").append(MAX_AGE_SECONDS)
                .append("; HttpOnly; SameSite=Lax");
        if (secure) {
            header.append("; Secure");
        }
        return header.toString();
    }

    /**
     * A short, stable, non-reversible form of a user id for logs, keyed with the cookie secret; the same one
     * the own ChatKit server's log lines carry ({@link StoreHooks#keyedUserHash(byte[])}).
     */
    public String hashForLog(String userId) {
        return logHash.apply(userId);
    }

    private String mac(String data) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac.mac(data));
    }
}

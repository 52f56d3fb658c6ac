package com.landki.interview.servlet.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/**
 * Admin access: {@code Authorization: Bearer <ADMIN_TOKEN>} compared in constant time (both sides hashed
 * first, so not even the length leaks); without a configured token, only direct loopback clients that name a
 * loopback host (so a page of another site that DNS rebinding points at 127.0.0.1 is not admin).
 * Thread-safe.
 */
public final class AdminAuth {

    private final byte[] tokenDigest;

    public AdminAuth(String adminToken) {
        this.tokenDigest = adminToken == null ? null : sha256(adminToken);
    }

    public boolean tokenConfigured() {
        return tokenDigest != null;
    }

    /**
     * Throws 401 / 403 unless the caller may use admin endpoints.
     *
     * @param host          the {@code Host} header
     * @param forwardedHost the {@code X-Forwarded-Host} header, {@code null} when absent
     */
    public void check(String authorization, ClientIpResolver.ClientIp client, String host, String forwardedHost) {
        if (tokenDigest == null) {
            if (client.isLoopback() && forwardedHost == null && AllowedHosts.isLoopbackHost(host)) {
                return;
            }
            throw new ApiException(403, "admin_loopback_only", "admin endpoints answer local clients only (a"
                    + " loopback address and Host, no proxy) while ADMIN_TOKEN is unset; set ADMIN_TOKEN");
        }
        String presented = bearer(authorization);
        if (presented == null) {
            throw unauthorized("admin endpoints need 'Authorization: Bearer <ADMIN_TOKEN>'");
        }
        if (!MessageDigest.isEqual(tokenDigest, sha256(presented))) {
            throw unauthorized("the admin token is wrong");
        }
    }

    private static ApiException unauthorized(String message) {
        return new ApiException(401, "unauthorized", message,
                Map.of("WWW-Authenticate", "Bearer realm=\"interview-admin\""));
    }

    private static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = value.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

package com.landki.interview.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under one key, safe to call from any thread. A {@link Mac} is not thread-safe and looking one up
 * ({@code Mac.getInstance}) walks the security providers, which cost more than the MAC itself on every request
 * under load (docs/benchmarks.md), so each thread keeps its own initialized instance.
 */
public final class HmacSha256 {

    private final ThreadLocal<Mac> macs;

    /** @param key the secret; copied */
    public HmacSha256(byte[] key) {
        SecretKeySpec spec = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(spec);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        });
    }

    /** The 32-byte MAC of {@code data}'s UTF-8 bytes. */
    public byte[] mac(String data) {
        return macs.get().doFinal(data.getBytes(StandardCharsets.UTF_8)); // doFinal resets the instance
    }
}

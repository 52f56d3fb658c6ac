package com.landki.interview.servlet.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Per-key token buckets ({@code perMinute} tokens, refilled continuously, burst = {@code perMinute}) kept in
 * a bounded LRU map so that a flood of client addresses cannot grow memory without limit; the least
 * recently seen key is dropped first. Thread-safe (one short lock per call).
 */
public final class TokenBucketLimiter {

    public static final int DEFAULT_MAX_KEYS = 10_000;

    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets;

    public TokenBucketLimiter(int perMinute, int maxKeys, LongSupplier nanoClock) {
        if (perMinute <= 0) {
            throw new IllegalArgumentException("perMinute must be > 0 (0 means no limiter at all), was " + perMinute);
        }
        this.capacity = perMinute;
        this.tokensPerNano = perMinute / 60e9;
        this.nanoClock = nanoClock;
        this.buckets = new LinkedHashMap<String, Bucket>(256, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** Takes one token for {@code key}: 0 when allowed, else the nanoseconds until a token is available. */
    public long tryAcquire(String key) {
        long now = nanoClock.getAsLong();
        synchronized (buckets) {
            Bucket bucket = buckets.get(key);
            if (bucket == null) {
                bucket = new Bucket(capacity, now);
                buckets.put(key, bucket);
            } else {
                bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.last) * tokensPerNano);
                bucket.last = now;
            }
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - bucket.tokens) / tokensPerNano);
        }
    }

    private static final class Bucket {
        double tokens;
        long last;

        Bucket(double tokens, long last) {
            this.tokens = tokens;
            this.last = last;
        }
    }

    int size() {
        synchronized (buckets) {
            return buckets.size();
        }
    }
}

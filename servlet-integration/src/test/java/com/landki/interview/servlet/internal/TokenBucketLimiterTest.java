package com.landki.interview.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void allowsABurstOfTheMinuteRateThenAsksToWait() {
        TokenBucketLimiter limiter = new TokenBucketLimiter(10, 100, now::get);
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire("a")).isZero();
        }
        long wait = limiter.tryAcquire("a");
        assertThat(TimeUnit.NANOSECONDS.toMillis(wait)).isBetween(5_900L, 6_000L);
    }

    @Test
    void refillsContinuously() {
        TokenBucketLimiter limiter = new TokenBucketLimiter(60, 100, now::get);
        for (int i = 0; i < 60; i++) {
            limiter.tryAcquire("a");
        }
        assertThat(limiter.tryAcquire("a")).isPositive();
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertThat(limiter.tryAcquire("a")).isZero();
    }

    @Test
    void keysAreIndependent() {
        TokenBucketLimiter limiter = new TokenBucketLimiter(1, 100, now::get);
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isPositive();
        assertThat(limiter.tryAcquire("b")).isZero();
    }

    @Test
    void keepsAtMostMaxKeys() {
        TokenBucketLimiter limiter = new TokenBucketLimiter(5, 50, now::get);
        for (int i = 0; i < 10_000; i++) {
            limiter.tryAcquire("ip-" + i);
        }
        assertThat(limiter.size()).isEqualTo(50);
    }
}

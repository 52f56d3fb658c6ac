package com.landki.interview.servlet.internal;

import com.landki.interview.chatkit.ChatKitClient;
import com.landki.interview.openai.RetryListener;
import com.landki.interview.openai.RetryPolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;

/**
 * Counts every retry of an OpenAI client in {@code interview_upstream_retries_total} and then tells the
 * listener the client had before. Applying it twice for the same registry changes nothing, so options copied
 * with {@code toBuilder()} never count a retry twice. Thread-safe.
 */
public final class RetryCounting implements RetryListener {

    private final MeterRegistry registry;
    private final Counter retries;
    private final RetryListener before;

    private RetryCounting(MeterRegistry registry, RetryListener before) {
        this.registry = registry;
        this.retries = Counter.builder(ApiMetrics.UPSTREAM_RETRIES).description(ApiMetrics.UPSTREAM_RETRIES_HELP)
                .register(registry);
        this.before = before;
    }

    /** {@code policy}, also counting its retries in {@code registry}. */
    public static RetryPolicy policy(RetryPolicy policy, MeterRegistry registry) {
        RetryListener listener = policy.listener();
        if (listener instanceof RetryCounting counting && counting.registry == registry) {
            return policy;
        }
        return policy.toBuilder().listener(new RetryCounting(registry, listener)).build();
    }

    /** The same client on the same connection pool, also counting its retries in {@code registry}. */
    public static ChatKitClient client(ChatKitClient client, MeterRegistry registry) {
        RetryPolicy policy = client.config().retryPolicy();
        RetryPolicy counting = policy(policy, registry);
        return counting == policy ? client : client.withRetryPolicy(counting);
    }

    @Override
    public void onRetry(String call, int failedAttempt, Throwable failure, Duration wait) {
        retries.increment();
        before.onRetry(call, failedAttempt, failure, wait);
    }
}

package com.landki.interview.openai.internal;

import com.landki.interview.internal.LogContext;
import com.landki.interview.openai.OpenAiApiException;
import com.landki.interview.openai.OpenAiTimeoutException;
import com.landki.interview.openai.RetryPolicy;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs asynchronous attempts under a {@link RetryPolicy}. resilience4j decides whether and how long to wait
 * (its interval function reads the server's Retry-After); the policy's {@code Sleeper} waits and its clock
 * guards the overall deadline. Every attempt and wait continues with the caller's MDC ({@link LogContext}).
 * Thread-safe.
 */
public final class Retrier {

    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

    private final RetryPolicy policy;
    private final Retry retry;

    public Retrier(RetryPolicy policy) {
        this.policy = policy;
        RetryConfig config = RetryConfig.custom()
                .maxAttempts(policy.maxAttempts())
                .retryOnException(t -> !(t instanceof NotRetryable) && RetryPolicy.isRetryable(t))
                .intervalBiFunction((attempt, outcome) -> waitMillis(attempt, outcome.getLeft()))
                .build();
        this.retry = Retry.of("openai", config);
    }

    /** Marks failures that must not be retried whatever their type, e.g. a stream broken after its first byte. */
    public interface NotRetryable {
    }

    private long waitMillis(int failedAttempts, Throwable failure) {
        if (failure instanceof OpenAiApiException) {
            Duration hint = ((OpenAiApiException) failure).retryAfter().orElse(null);
            if (hint != null) {
                return policy.capRetryAfter(hint).toMillis();
            }
        }
        return policy.backoff(failedAttempts).toMillis();
    }

    /**
     * Runs {@code attempt} (given the attempt number and the time it may take) until it succeeds, fails with a
     * non-retryable error, runs out of attempts, or the next wait would cross the deadline. The last failure is
     * the result's failure. Cancelling the result cancels the running attempt.
     */
    public <T> CompletableFuture<T> run(String what, BiFunction<Integer, Duration, CompletableFuture<T>> attempt) {
        CompletableFuture<T> result = new CompletableFuture<>();
        AtomicReference<CompletableFuture<?>> current = new AtomicReference<>();
        result.whenComplete((v, e) -> {
            CompletableFuture<?> running = current.get();
            if (result.isCancelled() && running != null) {
                running.cancel(true);
            }
        });
        Instant deadline = policy.clock().instant().plus(policy.deadline());
        step(what, attempt, retry.asyncContext(), deadline, 1, result, current, LogContext.capture());
        return result;
    }

    private <T> void step(String what, BiFunction<Integer, Duration, CompletableFuture<T>> attempt,
            Retry.AsyncContext<T> context, Instant deadline, int number, CompletableFuture<T> result,
            AtomicReference<CompletableFuture<?>> current, LogContext log) {
        if (result.isDone()) {
            return;
        }
        Duration left = Duration.between(policy.clock().instant(), deadline);
        if (left.isNegative() || left.isZero()) {
            result.completeExceptionally(new OpenAiTimeoutException(
                    what + " gave up: retry deadline of " + policy.deadline() + " reached"));
            return;
        }
        CompletableFuture<T> running;
        try {
            running = attempt.apply(number, left);
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        current.set(running);
        if (result.isCancelled()) {
            running.cancel(true);
            return;
        }
        running.whenComplete(log.wrap((value, error) -> {
            if (error == null) {
                context.onComplete();
                result.complete(value);
                return;
            }
            Throwable failure = Errors.unwrap(error);
            long waitMillis = context.onError(failure);
            if (waitMillis < 0) {
                result.completeExceptionally(failure);
                return;
            }
            Duration wait = Duration.ofMillis(waitMillis);
            if (policy.clock().instant().plus(wait).isAfter(deadline)) {
                LOG.debug("{}: not retrying after attempt {}, a wait of {} would cross the deadline", what,
                        number, wait);
                result.completeExceptionally(failure);
                return;
            }
            LOG.debug("{}: attempt {} failed ({}), retrying in {} ms", what, number, failure.getMessage(),
                    waitMillis);
            try {
                policy.listener().onRetry(what, number, failure, wait);
            } catch (RuntimeException listenerFailure) {
                LOG.warn("retry listener failed for {}", what, listenerFailure);
            }
            policy.sleeper().sleep(wait).whenComplete(log.wrap((ignored, sleepError) -> {
                if (sleepError != null) {
                    result.completeExceptionally(failure);
                } else {
                    step(what, attempt, context, deadline, number + 1, result, current, log);
                }
            }));
        }));
    }
}

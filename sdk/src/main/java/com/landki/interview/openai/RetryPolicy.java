package com.landki.interview.openai;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When and how long to wait before an OpenAI request is tried again.
 *
 * <p>Retried: connection failures, timeouts and the statuses 408, 409, 429 and 5xx. Never retried: every other
 * status, notably 400, 401, 403, 404 and 422. A request is attempted at most {@link #maxAttempts()} times
 * (default 3). The wait before attempt {@code n + 1} is {@code initialBackoff * multiplier^(n-1)}, capped at
 * {@link #maxBackoff()}, reduced by a random share of up to {@link #jitter()} (so concurrent clients do not retry
 * in lockstep). When the response carries {@code retry-after-ms} or {@code Retry-After} (seconds or HTTP-date),
 * that wait is used instead, capped at {@link #maxRetryAfter()}. All attempts and waits share one
 * {@link #deadline()}: a retry whose wait would end after it is not made, and each attempt's timeout is cut to
 * the time left.
 *
 * <p>Immutable and thread-safe; executed through resilience4j-retry, which stays an implementation detail.
 * {@link Sleeper}, {@link Clock} and the random source are injectable so tests never sleep; a
 * {@link RetryListener} is told about every retry.
 */
public final class RetryPolicy {

    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
    public static final double DEFAULT_MULTIPLIER = 2.0;
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(8);
    /** Up to 25 % of a computed backoff is taken off at random. */
    public static final double DEFAULT_JITTER = 0.25;
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(2);
    /** Upper bound for {@link Builder#maxAttempts(int)}. */
    public static final int MAX_ATTEMPTS_LIMIT = 10;

    private static final RetryPolicy DEFAULTS = builder().build();

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final double multiplier;
    private final Duration maxBackoff;
    private final double jitter;
    private final Duration maxRetryAfter;
    private final Duration deadline;
    private final Sleeper sleeper;
    private final Clock clock;
    private final DoubleSupplier random;
    private final RetryListener listener;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.multiplier = b.multiplier;
        this.maxBackoff = b.maxBackoff;
        this.jitter = b.jitter;
        this.maxRetryAfter = b.maxRetryAfter;
        this.deadline = b.deadline;
        this.sleeper = b.sleeper;
        this.clock = b.clock;
        this.random = b.random;
        this.listener = b.listener;
    }

    /** 3 attempts, 0.5 s → 1 s backoff (max 8 s) with 25 % jitter, Retry-After up to 60 s, 2 min deadline. */
    public static RetryPolicy ofDefaults() {
        return DEFAULTS;
    }

    /** One attempt only; still bounded by the default deadline. */
    public static RetryPolicy none() {
        return builder().maxAttempts(1).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxAttempts = maxAttempts;
        b.initialBackoff = initialBackoff;
        b.multiplier = multiplier;
        b.maxBackoff = maxBackoff;
        b.jitter = jitter;
        b.maxRetryAfter = maxRetryAfter;
        b.deadline = deadline;
        b.sleeper = sleeper;
        b.clock = clock;
        b.random = random;
        b.listener = listener;
        return b;
    }

    /** Whether a response with this HTTP status is tried again: 408, 409, 429 and 500-599. */
    public static boolean isRetryableStatus(int status) {
        return status == 408 || status == 409 || status == 429 || (status >= 500 && status <= 599);
    }

    /** Whether this failure is tried again: connection errors, timeouts and retryable statuses. */
    public static boolean isRetryable(Throwable failure) {
        if (failure instanceof OpenAiApiException) {
            return isRetryableStatus(((OpenAiApiException) failure).statusCode());
        }
        return failure instanceof OpenAiConnectionException || failure instanceof OpenAiTimeoutException;
    }

    /**
     * The wait before attempt {@code failedAttempt + 1} when the server gave no Retry-After hint.
     *
     * @param failedAttempt 1 for the first attempt
     */
    public Duration backoff(int failedAttempt) {
        double base = initialBackoff.toNanos() * Math.pow(multiplier, Math.max(0, failedAttempt - 1));
        double capped = Math.min(base, maxBackoff.toNanos());
        double r = Math.min(1.0, Math.max(0.0, random.getAsDouble()));
        return Duration.ofNanos((long) (capped * (1.0 - jitter * r)));
    }

    /** The server's hint, capped at {@link #maxRetryAfter()}; negative hints count as zero. */
    public Duration capRetryAfter(Duration retryAfter) {
        if (retryAfter.isNegative()) {
            return Duration.ZERO;
        }
        return retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration initialBackoff() {
        return initialBackoff;
    }

    public double multiplier() {
        return multiplier;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    public double jitter() {
        return jitter;
    }

    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    public Duration deadline() {
        return deadline;
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    public Clock clock() {
        return clock;
    }

    public RetryListener listener() {
        return listener;
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
                + ", multiplier=" + multiplier + ", maxBackoff=" + maxBackoff + ", jitter=" + jitter
                + ", maxRetryAfter=" + maxRetryAfter + ", deadline=" + deadline + '}';
    }

    /** Builds a {@link RetryPolicy}; not thread-safe. */
    public static final class Builder {
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
        private double multiplier = DEFAULT_MULTIPLIER;
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
        private double jitter = DEFAULT_JITTER;
        private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;
        private Duration deadline = DEFAULT_DEADLINE;
        private Sleeper sleeper = Sleeper.system();
        private Clock clock = Clock.systemUTC();
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
        private RetryListener listener = RetryListener.none();

        private Builder() {
        }

        /** Total attempts including the first, 1..{@value #MAX_ATTEMPTS_LIMIT}; 1 turns retries off. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
                throw new IllegalArgumentException(
                        "maxAttempts must be between 1 and " + MAX_ATTEMPTS_LIMIT + ", got " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = OpenAiConfig.positive(initialBackoff, "initialBackoff");
            return this;
        }

        /** At least 1.0. */
        public Builder multiplier(double multiplier) {
            if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
                throw new IllegalArgumentException("multiplier must be a finite number >= 1.0, got " + multiplier);
            }
            this.multiplier = multiplier;
            return this;
        }

        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = OpenAiConfig.positive(maxBackoff, "maxBackoff");
            return this;
        }

        /** Share of a backoff taken off at random, 0.0 (none) to 1.0 (full jitter). */
        public Builder jitter(double jitter) {
            if (!(jitter >= 0.0 && jitter <= 1.0)) {
                throw new IllegalArgumentException("jitter must be between 0.0 and 1.0, got " + jitter);
            }
            this.jitter = jitter;
            return this;
        }

        /** The longest server-requested wait honoured; longer hints are cut to this. */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = OpenAiConfig.positive(maxRetryAfter, "maxRetryAfter");
            return this;
        }

        /** The time budget for all attempts and waits of one call. */
        public Builder deadline(Duration deadline) {
            this.deadline = OpenAiConfig.positive(deadline, "deadline");
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Measures the deadline and resolves HTTP-date Retry-After values. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Source of values in [0, 1) for the jitter. */
        public Builder random(DoubleSupplier random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** Told about every retry before its wait (metrics, logs); default: none. */
        public Builder listener(RetryListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** @throws IllegalStateException when {@code initialBackoff} exceeds {@code maxBackoff} */
        public RetryPolicy build() {
            if (initialBackoff.compareTo(maxBackoff) > 0) {
                throw new IllegalStateException("initialBackoff (" + initialBackoff
                        + ") must not exceed maxBackoff (" + maxBackoff
                        + "): raise maxBackoff or lower initialBackoff");
            }
            return new RetryPolicy(this);
        }
    }
}

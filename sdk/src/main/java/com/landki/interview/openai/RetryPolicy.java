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

    /** Attempts per call when {@link Builder#maxAttempts(int)} is not set: the first and two retries. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** Wait before the first retry. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
    /** Factor by which each further wait grows. */
    public static final double DEFAULT_MULTIPLIER = 2.0;
    /** Cap on a computed wait. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(8);
    /** Up to 25 % of a computed backoff is taken off at random. */
    public static final double DEFAULT_JITTER = 0.25;
    /** Cap on a wait the server asks for with {@code Retry-After}. */
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);
    /** Time budget for all attempts and waits of one call. */
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

    /**
     * 3 attempts, 0.5 s → 1 s backoff (max 8 s) with 25 % jitter, Retry-After up to 60 s, 2 min deadline.
     *
     * @return the shared default policy
     */
    public static RetryPolicy ofDefaults() {
        return DEFAULTS;
    }

    /**
     * One attempt only; still bounded by the default deadline.
     *
     * @return a policy that never retries
     */
    public static RetryPolicy none() {
        return builder().maxAttempts(1).build();
    }

    /**
     * A builder preset with the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder preset with this policy's settings, sleeper, clock, random source and listener.
     *
     * @return a new builder; changing it leaves this policy as it is
     */
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

    /**
     * Whether a response with this HTTP status is tried again: 408, 409, 429 and 500-599.
     *
     * @param status an HTTP status code
     * @return {@code true} for 408, 409, 429 and 5xx
     */
    public static boolean isRetryableStatus(int status) {
        return status == 408 || status == 409 || status == 429 || (status >= 500 && status <= 599);
    }

    /**
     * Whether this failure is tried again: connection errors, timeouts and retryable statuses.
     *
     * @param failure what an attempt failed with
     * @return {@code true} when another attempt may succeed
     */
    public static boolean isRetryable(Throwable failure) {
        if (failure instanceof OpenAiApiException) {
            return isRetryableStatus(((OpenAiApiException) failure).statusCode());
        }
        return failure instanceof OpenAiConnectionException || failure instanceof OpenAiTimeoutException;
    }

    /**
     * The wait before attempt {@code failedAttempt + 1} when the server gave no Retry-After hint.
     *
     * @return the wait, between {@code (1 - jitter)} and 1 times the capped exponential backoff
     * @param failedAttempt 1 for the first attempt
     */
    public Duration backoff(int failedAttempt) {
        double base = initialBackoff.toNanos() * Math.pow(multiplier, Math.max(0, failedAttempt - 1));
        double capped = Math.min(base, maxBackoff.toNanos());
        double r = Math.min(1.0, Math.max(0.0, random.getAsDouble()));
        return Duration.ofNanos((long) (capped * (1.0 - jitter * r)));
    }

    /**
     * The server's hint, capped at {@link #maxRetryAfter()}; negative hints count as zero.
     *
     * @param retryAfter the wait the server asked for; not {@code null}
     * @return the wait to honour, between zero and {@link #maxRetryAfter()}
     */
    public Duration capRetryAfter(Duration retryAfter) {
        if (retryAfter.isNegative()) {
            return Duration.ZERO;
        }
        return retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
    }

    /**
     * Attempts per call, the first included.
     *
     * @return 1 to {@value #MAX_ATTEMPTS_LIMIT}; 1 means no retries
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * Wait before the first retry.
     *
     * @return positive; default {@link #DEFAULT_INITIAL_BACKOFF}
     */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /**
     * Factor by which each further wait grows.
     *
     * @return at least 1.0; default {@value #DEFAULT_MULTIPLIER}
     */
    public double multiplier() {
        return multiplier;
    }

    /**
     * Cap on a computed wait.
     *
     * @return positive; default {@link #DEFAULT_MAX_BACKOFF}
     */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /**
     * Share of a computed wait taken off at random.
     *
     * @return 0.0 to 1.0; default {@value #DEFAULT_JITTER}
     */
    public double jitter() {
        return jitter;
    }

    /**
     * Cap on a wait the server asks for.
     *
     * @return positive; default {@link #DEFAULT_MAX_RETRY_AFTER}
     */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /**
     * Time budget for all attempts and waits of one call.
     *
     * @return positive; default {@link #DEFAULT_DEADLINE}
     */
    public Duration deadline() {
        return deadline;
    }

    /**
     * How the waits are spent.
     *
     * @return the sleeper; default {@link Sleeper#system()}
     */
    public Sleeper sleeper() {
        return sleeper;
    }

    /**
     * The clock the deadline is measured with.
     *
     * @return the clock; default {@link Clock#systemUTC()}
     */
    public Clock clock() {
        return clock;
    }

    /**
     * Told about every retry.
     *
     * @return the listener; default {@link RetryListener#none()}
     */
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

        /**
         * Total attempts including the first, 1..{@value #MAX_ATTEMPTS_LIMIT}; 1 turns retries off.
         *
         * @param maxAttempts 1 to {@value #MAX_ATTEMPTS_LIMIT}
         * @return this builder
         * @throws IllegalArgumentException when out of range
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
                throw new IllegalArgumentException(
                        "maxAttempts must be between 1 and " + MAX_ATTEMPTS_LIMIT + ", got " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * Wait before the first retry; later waits grow by the {@link #multiplier(double)}.
         *
         * @param initialBackoff positive, at most {@link #maxBackoff(Duration)}; default 500 ms
         * @return this builder
         */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = OpenAiConfig.positive(initialBackoff, "initialBackoff");
            return this;
        }

        /**
         * At least 1.0.
         *
         * @param multiplier finite, at least 1.0 (1.0 waits the same each time); default 2.0
         * @return this builder
         * @throws IllegalArgumentException when below 1.0, infinite or NaN
         */
        public Builder multiplier(double multiplier) {
            if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
                throw new IllegalArgumentException("multiplier must be a finite number >= 1.0, got " + multiplier);
            }
            this.multiplier = multiplier;
            return this;
        }

        /**
         * Cap on a computed wait.
         *
         * @param maxBackoff positive; default 8 s
         * @return this builder
         */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = OpenAiConfig.positive(maxBackoff, "maxBackoff");
            return this;
        }

        /**
         * Share of a backoff taken off at random, 0.0 (none) to 1.0 (full jitter).
         *
         * @param jitter 0.0 to 1.0; default 0.25
         * @return this builder
         * @throws IllegalArgumentException when out of range
         */
        public Builder jitter(double jitter) {
            if (!(jitter >= 0.0 && jitter <= 1.0)) {
                throw new IllegalArgumentException("jitter must be between 0.0 and 1.0, got " + jitter);
            }
            this.jitter = jitter;
            return this;
        }

        /**
         * The longest server-requested wait honoured; longer hints are cut to this.
         *
         * @param maxRetryAfter positive; default 60 s
         * @return this builder
         */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = OpenAiConfig.positive(maxRetryAfter, "maxRetryAfter");
            return this;
        }

        /**
         * The time budget for all attempts and waits of one call.
         *
         * @param deadline positive; default 2 min
         * @return this builder
         */
        public Builder deadline(Duration deadline) {
            this.deadline = OpenAiConfig.positive(deadline, "deadline");
            return this;
        }

        /**
         * How the waits are spent; tests pass one that returns at once.
         *
         * @param sleeper not {@code null}; default {@link Sleeper#system()}
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Measures the deadline and resolves HTTP-date Retry-After values.
         *
         * @param clock not {@code null}; default {@link Clock#systemUTC()}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Source of values in [0, 1) for the jitter.
         *
         * @param random not {@code null}; default {@link ThreadLocalRandom}
         * @return this builder
         */
        public Builder random(DoubleSupplier random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * Told about every retry before its wait (metrics, logs); default: none.
         *
         * @param listener not {@code null}
         * @return this builder
         */
        public Builder listener(RetryListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * @return the immutable policy
         * @throws IllegalStateException when {@code initialBackoff} exceeds {@code maxBackoff}
         */
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

package com.landki.interview.openai;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Waits between retry attempts without blocking a thread.
 *
 * <p>The seam that lets tests run every retry rule instantly: inject a sleeper that records the duration and
 * completes at once (and, with a fake {@link java.time.Clock}, advances the clock). Implementations must be
 * thread-safe.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * A stage that completes after {@code duration}.
     *
     * @param duration how long to wait
     * @return the stage
     */
    CompletionStage<Void> sleep(Duration duration);

    /**
     * The real sleeper: completes on a JDK timer thread after the duration, holding no thread meanwhile.
     *
     * @return the sleeper
     */
    static Sleeper system() {
        return duration -> CompletableFuture.runAsync(() -> { },
                CompletableFuture.delayedExecutor(duration.toNanos(), TimeUnit.NANOSECONDS));
    }
}

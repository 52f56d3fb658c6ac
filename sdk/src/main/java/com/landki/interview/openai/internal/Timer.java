package com.landki.interview.openai.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread that fires attempt timeouts. Unlike {@code CompletableFuture.delayedExecutor}, a timeout is
 * removed as soon as its call completes, so thousands of finished calls do not keep their responses reachable
 * until their timeouts would have fired.
 */
public final class Timer {

    private static final ScheduledThreadPoolExecutor EXECUTOR = create();

    private Timer() {
    }

    private static ScheduledThreadPoolExecutor create() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "openai-timeouts");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    /** Runs {@code onTimeout} after {@code timeout} unless {@code call} completes first. */
    public static void onTimeout(CompletableFuture<?> call, Duration timeout, Runnable onTimeout) {
        ScheduledFuture<?> task = EXECUTOR.schedule(onTimeout, timeout.toNanos(), TimeUnit.NANOSECONDS);
        call.whenComplete((v, e) -> task.cancel(false));
    }

    /** Runs {@code task} after {@code delay}; cancel the returned future to drop it. */
    public static ScheduledFuture<?> schedule(Duration delay, Runnable task) {
        return EXECUTOR.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }
}

package com.landki.interview.openai.internal;

import com.landki.interview.http.internal.DaemonThreads;
import com.landki.interview.internal.LogContext;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread that fires attempt and idle timeouts of one {@link Connection}, stopped when it closes. Unlike
 * {@code CompletableFuture.delayedExecutor}, a timeout is removed as soon as its call completes, so thousands of
 * finished calls do not keep their responses reachable until their timeouts would have fired. Tasks run with the
 * MDC of the thread that scheduled them ({@link LogContext}).
 */
public final class Timer {

    private final DaemonThreads threads;
    private final ScheduledThreadPoolExecutor executor;

    Timer(String threadName) {
        threads = new DaemonThreads(threadName, false);
        executor = new ScheduledThreadPoolExecutor(1, threads);
        executor.setRemoveOnCancelPolicy(true);
    }

    /** Runs {@code onTimeout} after {@code timeout} unless {@code call} completes first. */
    public void onTimeout(CompletableFuture<?> call, Duration timeout, Runnable onTimeout) {
        ScheduledFuture<?> task = executor.schedule(LogContext.capture().wrap(onTimeout), timeout.toNanos(), TimeUnit.NANOSECONDS);
        call.whenComplete((v, e) -> task.cancel(false));
    }

    /** Runs {@code task} after {@code delay}; cancel the returned future to drop it. */
    public ScheduledFuture<?> schedule(Duration delay, Runnable task) {
        return executor.schedule(LogContext.capture().wrap(task), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    void close() {
        threads.stop(executor);
    }
}

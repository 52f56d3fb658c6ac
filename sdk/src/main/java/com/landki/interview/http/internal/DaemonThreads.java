package com.landki.interview.http.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names daemon threads {@code <name>-1, -2, …} and remembers the live ones, so {@link #stop} can wait until every
 * thread has really ended: an executor reports "terminated" a moment before its last thread is gone, and a
 * container that looks for left threads right after the application stopped would see it.
 */
public final class DaemonThreads implements ThreadFactory {

    private final String name;
    private final boolean numbered;
    private final ClassLoader contextLoader;
    private final AtomicInteger count = new AtomicInteger();
    private final Set<Thread> live = ConcurrentHashMap.newKeySet();

    public DaemonThreads(String name, boolean numbered) {
        this.name = name;
        this.numbered = numbered;
        this.contextLoader = DaemonThreads.class.getClassLoader();
    }

    @Override
    public Thread newThread(Runnable task) {
        // ended threads are dropped here, not when their task returns: a thread is still alive for a moment after
        // that, and stop() must join it
        live.removeIf(t -> t.getState() == Thread.State.TERMINATED);
        Thread thread = new Thread(task, numbered ? name + "-" + count.incrementAndGet() : name);
        thread.setDaemon(true);
        thread.setContextClassLoader(contextLoader); // callbacks run here; stop() ends these threads
        live.add(thread);
        return thread;
    }

    /** Stops {@code executor} (which runs on these threads) and waits up to five seconds for them to end. */
    public void stop(ExecutorService executor) {
        executor.shutdownNow();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            // first the executor's own end: a worker it added just before the shutdown may not have started yet,
            // and joining a thread that has not started returns at once
            executor.awaitTermination(5, TimeUnit.SECONDS);
            for (Thread thread : live) {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package com.landki.interview.example;

/**
 * The JDK {@code HttpClient} hands each asynchronous response to {@code CompletableFuture}'s default executor.
 * With two CPUs or fewer the common pool has one worker, and that executor then starts a new thread for every
 * task: one thread per upstream answer under load (seen in JFR as thousands of "Thread-N", and 2.5× the CPU per
 * session). Two workers keep it a pool. It must run before anything initializes {@code ForkJoinPool} or
 * {@code CompletableFuture} (which fixes its executor in its static initializer); {@code -D} still wins.
 */
final class CommonPool {

    /** The JDK property that sizes the common pool, which {@code CompletableFuture}'s async steps use. */
    static final String PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    private CommonPool() {
    }

    static void ensureTwoWorkers() {
        if (System.getProperty(PARALLELISM) == null && Runtime.getRuntime().availableProcessors() <= 2) {
            System.setProperty(PARALLELISM, "2");
        }
    }
}

package com.landki.interview.openai.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP client of an {@code OpenAiHttp} (shared with the clients derived from it) and every thread it runs:
 * the client's executor and the timeout timer. {@link #close()} stops them all, so a web application that is
 * undeployed leaves no thread behind. The JDK's {@code HttpClient} has no {@code close()} before Java 21: there
 * its selector thread ends once the client is unreachable, which is why {@link #close()} also drops the only
 * reference; on Java 21 and later {@code shutdownNow()} ends it at once.
 */
public final class Connection implements AutoCloseable {

    private static final AtomicInteger IDS = new AtomicInteger();
    private static final MethodHandle SHUTDOWN_NOW = shutdownNow();

    private final Timer timer;
    private final ExecutorService executor;
    private final DaemonThreads executorThreads; // null when the client is the caller's
    private volatile HttpClient client;

    private Connection(HttpClient client, ExecutorService executor, DaemonThreads executorThreads, int id) {
        this.client = client;
        this.executor = executor;
        this.executorThreads = executorThreads;
        this.timer = new Timer("openai-timeouts-" + id);
    }

    /**
     * Threads of an own client's executor: enough for the callbacks, which never wait (JSON mapping, stream
     * events, the answer's write). An unbounded pool started a thread per concurrent response under load (110 at
     * 512 connections on two cores), each a stack and a hand-off more.
     */
    static final int EXECUTOR_THREADS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    /**
     * A connection with its own {@link HttpClient} on a bounded executor of daemon threads
     * {@code openai-http-N-M} ({@link #EXECUTOR_THREADS}, idle ones end after a minute).
     */
    public static Connection open(Duration connectTimeout) {
        int id = IDS.incrementAndGet();
        DaemonThreads threads = new DaemonThreads("openai-http-" + id, true);
        ThreadPoolExecutor executor = new ThreadPoolExecutor(EXECUTOR_THREADS, EXECUTOR_THREADS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads);
        executor.allowCoreThreadTimeOut(true);
        // The JDK client's selector thread inherits this thread's context class loader. On Java 17 it outlives
        // close() until the client is collected, so it must not hold a web application's class loader.
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(connectTimeout).executor(executor).build();
            return new Connection(client, executor, threads, id);
        } finally {
            current.setContextClassLoader(previous);
        }
    }

    /** A connection over the caller's {@code client}, which it uses but never shuts down. */
    public static Connection over(HttpClient client) {
        return new Connection(Objects.requireNonNull(client, "client"), null, null, IDS.incrementAndGet());
    }

    /** The client; {@link IllegalStateException} once closed. */
    public HttpClient client() {
        HttpClient current = client;
        if (current == null) {
            throw new IllegalStateException("this OpenAI client is closed");
        }
        return current;
    }

    public Timer timer() {
        return timer;
    }

    /** Stops the timer and, for an own client, its executor and (Java 21+) the client itself. Idempotent. */
    @Override
    public void close() {
        HttpClient current = client;
        client = null;
        timer.close();
        if (current == null || executorThreads == null) {
            return;
        }
        executorThreads.stop(executor);
        if (SHUTDOWN_NOW != null) {
            try {
                SHUTDOWN_NOW.invoke(current);
            } catch (Throwable e) {
                throw new IllegalStateException("HttpClient.shutdownNow failed", e);
            }
        }
    }

    private static MethodHandle shutdownNow() {
        try {
            return MethodHandles.publicLookup().findVirtual(HttpClient.class, "shutdownNow",
                    MethodType.methodType(void.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null; // Java 17-20
        }
    }
}

package com.landki.interview.internal;

import java.util.Map;
import java.util.function.BiConsumer;
import org.slf4j.MDC;

/**
 * The SLF4J MDC of one thread (e.g. the host's {@code request_id}), carried to the threads that continue its
 * work: HTTP client callbacks, retry waits, timeouts, stream writes. {@link #capture()} where the work starts,
 * {@link #wrap} what runs later elsewhere; the wrapped task runs with the captured MDC and leaves the thread's own
 * MDC as it found it. The one place the library hands its log context across threads. Immutable.
 */
public final class LogContext {

    private final Map<String, String> mdc;

    private LogContext(Map<String, String> mdc) {
        this.mdc = mdc;
    }

    /** The calling thread's MDC as it is now (empty when none is set). */
    public static LogContext capture() {
        return new LogContext(MDC.getCopyOfContextMap());
    }

    /** Runs {@code task} on this thread with the captured MDC, then puts the thread's own back. */
    public void run(Runnable task) {
        Map<String, String> own = MDC.getCopyOfContextMap();
        set(mdc);
        try {
            task.run();
        } finally {
            set(own);
        }
    }

    /** {@code task}, run with the captured MDC wherever it runs. */
    public Runnable wrap(Runnable task) {
        return () -> run(task);
    }

    /** {@code callback} (e.g. of {@code whenComplete}), run with the captured MDC wherever it runs. */
    public <T, U> BiConsumer<T, U> wrap(BiConsumer<T, U> callback) {
        return (value, error) -> run(() -> callback.accept(value, error));
    }

    private static void set(Map<String, String> values) {
        if (values == null || values.isEmpty()) {
            MDC.clear();
        } else {
            MDC.setContextMap(values);
        }
    }
}

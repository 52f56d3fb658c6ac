package com.landki.interview.servlet.chatkit;

import com.landki.interview.chatkit.server.ChatKitResult;
import com.landki.interview.chatkit.server.responder.EventSink;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes streamed ChatKit answers as {@code text/event-stream}: asynchronously ({@link AsyncContext}) on the
 * stream executor, one flushed SSE frame per event, with an SSE comment heartbeat that notices a page that went
 * away (which cancels the answer and so the upstream model call). Thread-safe.
 */
final class SseStreams {

    private static final Logger LOG = LoggerFactory.getLogger(ChatKitProtocolServlet.class);
    private static final byte[] HEARTBEAT = ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);

    private final Executor executor;
    private final boolean ownsExecutor;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(daemon("chatkit-heartbeat"));
    private final Duration heartbeat;
    private final Duration timeout;

    /** {@code executor} null: an own cached daemon pool; {@code heartbeat} zero: none. */
    SseStreams(Executor executor, Duration heartbeat, Duration timeout) {
        if (heartbeat.isNegative()) {
            throw new IllegalArgumentException("heartbeat must be positive, or zero for none, was " + heartbeat);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("streamTimeout must be positive, was " + timeout);
        }
        this.ownsExecutor = executor == null;
        this.executor = executor != null ? executor : Executors.newCachedThreadPool(daemon("chatkit-stream"));
        this.heartbeat = heartbeat;
        this.timeout = timeout;
    }

    /** Answers 200 {@code text/event-stream} and streams {@code result} on the executor. */
    void start(HttpServletRequest req, HttpServletResponse resp, ChatKitResult result) throws IOException {
        resp.setStatus(200);
        resp.setContentType("text/event-stream;charset=UTF-8");
        resp.setHeader("Cache-Control", "no-cache, no-transform");
        resp.setHeader("X-Accel-Buffering", "no");
        AsyncContext async = req.startAsync();
        async.setTimeout(timeout.toMillis());
        async.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                // normal end
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                LOG.info("ChatKit stream timed out after {}", timeout);
                result.cancel();
            }

            @Override
            public void onError(AsyncEvent event) {
                result.cancel();
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // not restarted
            }
        });
        ServletOutputStream out = resp.getOutputStream();
        try {
            executor.execute(() -> run(async, out, result));
        } catch (RejectedExecutionException e) {
            LOG.warn("no thread for a ChatKit stream", e);
            async.complete();
        }
    }

    private void run(AsyncContext async, ServletOutputStream out, ChatKitResult result) {
        Object writeLock = new Object();
        ScheduledFuture<?> beat = heartbeat.isZero() ? null : heartbeats.scheduleWithFixedDelay(() -> {
            try {
                synchronized (writeLock) {
                    out.write(HEARTBEAT);
                    out.flush();
                }
            } catch (IOException | RuntimeException e) {
                LOG.debug("ChatKit page went away: {}", e.toString());
                result.cancel();
                throw new IllegalStateException("stop heartbeats", e);
            }
        }, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        try {
            EventSink sse = EventSink.sse(out);
            result.stream(event -> {
                synchronized (writeLock) {
                    sse.accept(event);
                }
            });
        } catch (RuntimeException e) {
            LOG.error("ChatKit stream failed", e);
        } finally {
            if (beat != null) {
                beat.cancel(false);
            }
            try {
                async.complete();
            } catch (IllegalStateException alreadyDone) {
                LOG.debug("async context already completed", alreadyDone);
            }
        }
    }

    /** Stops the heartbeat thread and, when it is its own, the stream pool. */
    void close() {
        heartbeats.shutdownNow();
        if (ownsExecutor && executor instanceof ExecutorService service) {
            service.shutdownNow();
        }
        try {
            // containers warn about threads that outlive the application
            heartbeats.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

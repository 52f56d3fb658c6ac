package com.landki.interview.servlet;

import com.landki.interview.chatkit.server.ChatKitResult;
import com.landki.interview.chatkit.server.responder.EventSink;
import com.landki.interview.chatkit.server.types.ThreadStreamEvent;
import com.landki.interview.servlet.internal.ApiException;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes streamed ChatKit answers as {@code text/event-stream} with non-blocking servlet I/O: no thread waits for
 * a stream. Events are framed into a per-stream buffer and written by a {@link WriteListener} whenever the
 * connection can take them; while the buffer holds more than {@link #HIGH_WATER_BYTES}, the sink is not
 * {@linkplain EventSink#ready() ready} and the answer reads no more from upstream (a slow page slows the model's
 * stream, memory stays bounded). Keep-alive comments come from one scheduler thread for all streams. The number
 * of open streams is limited in total and per user. Thread-safe.
 */
final class SseStreams {

    private static final Logger LOG = LoggerFactory.getLogger(ChatKitProtocolServlet.class);
    private static final byte[] HEARTBEAT = ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);
    /** Buffered bytes above which a stream stops reading upstream. */
    static final int HIGH_WATER_BYTES = 64 * 1024;
    /** Buffered bytes below which it reads on. */
    static final int LOW_WATER_BYTES = 16 * 1024;

    private final ScheduledExecutorService scheduler;
    private final Duration heartbeat;
    private final Duration timeout;
    private final int maxStreams;
    private final int maxStreamsPerUser;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, Integer> openPerUser = new ConcurrentHashMap<>();

    /** {@code heartbeat} zero: none; limits of 0 turn that limit off. */
    SseStreams(Duration heartbeat, Duration timeout, int maxStreams, int maxStreamsPerUser) {
        if (heartbeat.isNegative()) {
            throw new IllegalArgumentException("heartbeat must be positive, or zero for none, was " + heartbeat);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("streamTimeout must be positive, was " + timeout);
        }
        if (maxStreams < 0 || maxStreamsPerUser < 0) {
            throw new IllegalArgumentException("stream limits must be 0 (off) or positive");
        }
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "chatkit-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.scheduler = Executors.unconfigurableScheduledExecutorService(executor);
        this.heartbeat = heartbeat;
        this.timeout = timeout;
        this.maxStreams = maxStreams;
        this.maxStreamsPerUser = maxStreamsPerUser;
    }

    /** Streams open right now. */
    int open() {
        return open.get();
    }

    /**
     * Takes one stream slot for {@code userId}, or refuses: 503 {@code too_many_streams} when the server is at its
     * total limit, 429 {@code too_many_streams} when this user is at theirs. Call before anything is written.
     */
    void reserve(String userId) {
        if (open.incrementAndGet() > maxStreams && maxStreams > 0) {
            open.decrementAndGet();
            throw new ApiException(503, "too_many_streams", "the server has " + maxStreams
                    + " answers streaming; try again shortly").withHeader("Retry-After", "5");
        }
        if (openPerUser.merge(userId, 1, Integer::sum) > maxStreamsPerUser && maxStreamsPerUser > 0) {
            unreserve(userId);
            throw new ApiException(429, "too_many_streams", "this user already has " + maxStreamsPerUser
                    + " answers streaming; wait for one to finish").withHeader("Retry-After", "5");
        }
    }

    /** Gives back the slot {@link #reserve} took. */
    private void unreserve(String userId) {
        openPerUser.computeIfPresent(userId, (id, count) -> count <= 1 ? null : count - 1);
        open.decrementAndGet();
    }

    /**
     * Takes a stream slot for {@code userId} (or throws the refusal of {@link #reserve} before anything is
     * written), answers 200 {@code text/event-stream} and streams {@code result}.
     */
    void start(HttpServletRequest req, HttpServletResponse resp, ChatKitResult result, String userId)
            throws IOException {
        reserve(userId);
        Stream stream;
        try {
            resp.setStatus(200);
            resp.setContentType("text/event-stream;charset=UTF-8");
            resp.setHeader("Cache-Control", "no-cache, no-transform");
            resp.setHeader("X-Accel-Buffering", "no");
            AsyncContext async = req.startAsync();
            async.setTimeout(timeout.toMillis());
            stream = new Stream(async, resp.getOutputStream(), result, userId);
        } catch (IOException | RuntimeException e) {
            unreserve(userId);
            throw e;
        }
        stream.async.addListener(stream);
        // the listener first: a heartbeat that wrote before it would be a blocking write, and Jetty then
        // refuses the listener (IllegalStateException "!OPEN") — seen with short heartbeats under load
        stream.out.setWriteListener(stream);
        if (!heartbeat.isZero()) {
            stream.beat = scheduler.scheduleWithFixedDelay(stream::heartbeat, heartbeat.toMillis(),
                    heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        }
        result.streamAsync(stream).whenComplete((v, e) -> {
            if (e != null) {
                LOG.error("ChatKit stream failed", e);
            }
            stream.finish();
        });
    }

    /** Stops the heartbeat thread. */
    void close() {
        scheduler.shutdownNow();
        try {
            // containers warn about threads that outlive the application
            scheduler.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One open stream: its buffer, its writer and its end. */
    private final class Stream implements EventSink, WriteListener, AsyncListener {

        private final AsyncContext async;
        private final ServletOutputStream out;
        private final ChatKitResult result;
        private final String userId;
        private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
        private long queued;
        private boolean unflushed;
        private boolean finished;
        private boolean closed;
        private CompletableFuture<Void> readyWaiter;
        volatile ScheduledFuture<?> beat;

        Stream(AsyncContext async, ServletOutputStream out, ChatKitResult result, String userId) {
            this.async = async;
            this.out = out;
            this.result = result;
            this.userId = userId;
        }

        @Override
        public void accept(ThreadStreamEvent event) throws IOException {
            enqueue(EventSink.sseFrame(event));
        }

        @Override
        public CompletionStage<?> ready() {
            synchronized (this) {
                if (closed || queued <= HIGH_WATER_BYTES) {
                    return CompletableFuture.completedFuture(null);
                }
                if (readyWaiter == null) {
                    readyWaiter = new CompletableFuture<>();
                }
                return readyWaiter;
            }
        }

        private void enqueue(byte[] frame) throws IOException {
            synchronized (this) {
                if (closed) {
                    throw new IOException("the page is gone");
                }
                queue.add(frame);
                queued += frame.length;
            }
            onWritePossible();
        }

        void heartbeat() {
            synchronized (this) {
                // every interval, even while events flow: the second write to a page that is gone fails,
                // which is how a silent upstream's answer notices the page left
                if (closed || finished) {
                    // also when the stream ended before its heartbeat was scheduled: no task outlives it
                    ScheduledFuture<?> task = beat;
                    if (task != null) {
                        task.cancel(false);
                    }
                    return;
                }
            }
            try {
                enqueue(HEARTBEAT);
            } catch (IOException gone) {
                LOG.debug("ChatKit page went away: {}", gone.toString());
            }
        }

        /** The answer has ended: write what is left, then complete the response. */
        void finish() {
            synchronized (this) {
                finished = true;
            }
            onWritePossible();
        }

        /** Writes while the connection takes bytes; the container calls it again once it can take more. */
        @Override
        public void onWritePossible() {
            CompletableFuture<Void> wake = null;
            boolean complete = false;
            boolean broken = false;
            synchronized (this) {
                try {
                    while (!closed && out.isReady()) {
                        byte[] next = queue.poll();
                        if (next != null) {
                            out.write(next);
                            queued -= next.length;
                            unflushed = true;
                        } else if (unflushed) {
                            unflushed = false;
                            out.flush();
                        } else {
                            complete = finished;
                            break;
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.debug("ChatKit page went away: {}", e.toString());
                    broken = true;
                }
                if (readyWaiter != null && (closed || queued <= LOW_WATER_BYTES)) {
                    wake = readyWaiter;
                    readyWaiter = null;
                }
                if (complete) {
                    closeLocked();
                }
            }
            if (wake != null) {
                wake.complete(null);
            }
            if (broken) {
                gone();
            } else if (complete) {
                end();
            }
        }

        @Override
        public void onError(Throwable failure) {
            LOG.debug("ChatKit page went away: {}", failure.toString());
            gone();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            LOG.info("ChatKit stream timed out after {}", timeout);
            gone();
        }

        @Override
        public void onError(AsyncEvent event) {
            gone();
        }

        @Override
        public void onComplete(AsyncEvent event) {
            // the end; slots and timers were released in end()
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // not restarted
        }

        /** The page is gone or the stream timed out: cancel the answer, drop the buffer, end. */
        private void gone() {
            CompletableFuture<Void> wake;
            synchronized (this) {
                closeLocked();
                wake = readyWaiter;
                readyWaiter = null;
            }
            if (wake != null) {
                wake.complete(null);
            }
            result.cancel();
            end();
        }

        private void closeLocked() {
            closed = true;
            queue.clear();
            queued = 0;
        }

        private boolean ended;

        /** Once: stop the heartbeat, give back the slot, complete the response. */
        private void end() {
            synchronized (this) {
                if (ended) {
                    return;
                }
                ended = true;
            }
            ScheduledFuture<?> task = beat;
            if (task != null) {
                task.cancel(false);
            }
            unreserve(userId);
            try {
                async.complete();
            } catch (IllegalStateException alreadyDone) {
                LOG.debug("async context already completed", alreadyDone);
            }
        }
    }
}

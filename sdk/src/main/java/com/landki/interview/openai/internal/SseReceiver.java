package com.landki.interview.openai.internal;

import com.landki.interview.http.BodyReceiver;
import com.landki.interview.http.TransportResponse;
import com.landki.interview.internal.LogContext;
import com.landki.interview.openai.OpenAiTimeoutException;
import com.landki.interview.openai.ServerSentEventListener;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;

/**
 * Receives a streamed body chunk by chunk from the transport, splits it into lines ({@code \n}, {@code \r\n} or
 * {@code \r}), decodes each line once as UTF-8, parses events and hands them to the listener. Each byte is looked
 * at once, so a long line costs in proportion to its length (the JDK's line subscriber re-scanned what it had
 * buffered with every chunk: a 5 MB line cost seconds). The next chunk is read only after the listener took the
 * events of this one and {@code ready} completed, so a slow consumer slows the socket instead of filling memory,
 * without blocking a thread. A listener failure fails {@code done} (the caller then aborts the exchange); so
 * does silence longer than the idle timeout (retryable while no byte of the body has arrived, final afterwards).
 * The listener runs with the MDC of the thread that made the receiver ({@link LogContext}), not the transport
 * thread's.
 */
public final class SseReceiver implements BodyReceiver {

    private static final CompletableFuture<Void> READY = CompletableFuture.completedFuture(null);

    private final CompletableFuture<Void> done;
    private final SseParser parser;
    private final Supplier<? extends CompletionStage<?>> ready;
    private final String what;
    private final Duration idleTimeout;
    private final Timer timer;
    private final LogContext log = LogContext.capture();
    private byte[] line = new byte[256];
    private int length;
    private boolean afterCr;
    private volatile boolean started;
    private volatile long lastActivity = System.nanoTime();
    private volatile ScheduledFuture<?> idleTask;

    public SseReceiver(ServerSentEventListener listener, Supplier<? extends CompletionStage<?>> ready,
            CompletableFuture<Void> done, String what, Duration idleTimeout, Timer timer) {
        this.done = done;
        this.parser = new SseParser(listener::onEvent);
        this.ready = ready == null ? () -> READY : ready;
        this.what = what;
        this.idleTimeout = idleTimeout;
        this.timer = timer;
        done.whenComplete((v, e) -> disarm());
    }

    /** Whether any byte of the body has arrived; after that, a failure is no longer retried. */
    public boolean started() {
        return started;
    }

    @Override
    public void onOpen(TransportResponse head) {
        lastActivity = System.nanoTime();
        arm();
    }

    @Override
    public CompletionStage<?> onChunk(ByteBuffer chunk) {
        started = true;
        lastActivity = System.nanoTime();
        if (done.isDone()) {
            // given up (cancel, idle timeout): stop reading; the caller aborts the exchange
            return done;
        }
        try {
            log.run(() -> split(chunk));
        } catch (RuntimeException | Error e) {
            done.completeExceptionally(e);
            throw e;
        }
        return ready.get();
    }

    private void split(ByteBuffer buffer) {
        while (buffer.hasRemaining()) {
            byte b = buffer.get();
            if (b == '\n' && afterCr) {
                afterCr = false; // the \n of \r\n
                continue;
            }
            afterCr = b == '\r';
            if (b == '\n' || b == '\r') {
                parser.line(new String(line, 0, length, StandardCharsets.UTF_8));
                length = 0;
                continue;
            }
            if (length == line.length) {
                line = Arrays.copyOf(line, line.length * 2);
            }
            line[length++] = b;
        }
    }

    /** Starts the idle timer once; each chunk only notes the time (no timer work per chunk). */
    private void arm() {
        if (!done.isDone()) {
            idleTask = timer.schedule(idleTimeout, this::idle);
        }
    }

    private void disarm() {
        ScheduledFuture<?> task = idleTask;
        if (task != null) {
            task.cancel(false);
        }
    }

    private void idle() {
        long silent = System.nanoTime() - lastActivity;
        if (silent < idleTimeout.toNanos()) {
            if (!done.isDone()) {
                idleTask = timer.schedule(idleTimeout.minusNanos(silent), this::idle);
            }
            return;
        }
        OpenAiTimeoutException timeout = started
                ? new StreamIdleException(what + ": stream sent nothing for " + idleTimeout)
                : new OpenAiTimeoutException(what + ": stream sent nothing for " + idleTimeout);
        done.completeExceptionally(timeout);
    }
}

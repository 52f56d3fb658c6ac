package com.landki.interview.openai.internal;

import com.landki.interview.internal.LogContext;
import com.landki.interview.openai.OpenAiTimeoutException;
import com.landki.interview.openai.ServerSentEventListener;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;

/**
 * Receives a streamed body as bytes from the JDK, splits it into lines ({@code \n}, {@code \r\n} or {@code \r}),
 * decodes each line once as UTF-8, parses events and hands them to the listener. Each byte is looked at once, so
 * a long line costs in proportion to its length (the JDK's line subscriber re-scanned what it had buffered with
 * every chunk: a 5 MB line cost seconds). Requests the next chunk only after the listener took the events of this
 * one and {@code ready} completed, so a slow consumer slows the socket instead of filling memory, without
 * blocking a thread. A line longer than {@code maxEventBytes} (or an event whose data is) fails {@code done} with
 * {@link com.landki.interview.openai.OpenAiBadResponseException} as soon as it is that long, and cancels the body:
 * one stream never holds more than that. A listener failure cancels the body and fails {@code done}; so does silence longer than the
 * idle timeout (retryable while no byte of the body has arrived, final afterwards). The listener runs with the MDC
 * of the thread that made the subscriber ({@link LogContext}), not the HTTP client thread's.
 */
public final class SseSubscriber implements HttpResponse.BodySubscriber<Void> {

    private static final CompletableFuture<Void> READY = CompletableFuture.completedFuture(null);

    private final CompletableFuture<Void> done;
    private final CompletableFuture<Void> body = new CompletableFuture<>();
    private final SseParser parser;
    private final Supplier<? extends CompletionStage<?>> ready;
    private final String what;
    private final Duration idleTimeout;
    private final Timer timer;
    private final int maxEventBytes;
    private final LogContext log = LogContext.capture();
    private byte[] line = new byte[256];
    private int length;
    private boolean afterCr;
    private volatile boolean started;
    private volatile long lastActivity = System.nanoTime();
    private volatile Flow.Subscription subscription;
    private volatile ScheduledFuture<?> idleTask;

    public SseSubscriber(ServerSentEventListener listener, Supplier<? extends CompletionStage<?>> ready,
            CompletableFuture<Void> done, String what, Duration idleTimeout, Timer timer, int maxEventBytes) {
        this.done = done;
        this.maxEventBytes = maxEventBytes;
        this.parser = new SseParser(listener::onEvent, maxEventBytes);
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
    public CompletionStage<Void> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        if (done.isDone()) {
            s.cancel();
        } else {
            arm();
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        started = true;
        lastActivity = System.nanoTime();
        if (done.isDone()) {
            subscription.cancel();
            return;
        }
        try {
            log.run(() -> buffers.forEach(this::split));
        } catch (RuntimeException | Error e) {
            subscription.cancel();
            done.completeExceptionally(e);
            body.completeExceptionally(e);
            return;
        }
        CompletableFuture<?> next = ready.get().toCompletableFuture();
        if (next.isDone()) {
            subscription.request(1);
        } else {
            next.whenComplete((v, e) -> {
                if (!done.isDone()) {
                    subscription.request(1);
                }
            });
        }
    }

    @Override
    public void onError(Throwable throwable) {
        // also reported through the response future, which fails with the same cause
        disarm();
        body.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        // an unterminated last event is discarded (WHATWG rule); the response future completes next
        disarm();
        body.complete(null);
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
                if (length >= maxEventBytes) {
                    throw SseParser.tooLarge(maxEventBytes); // before holding more: the rest is never read
                }
                line = Arrays.copyOf(line, (int) Math.min((long) line.length * 2, maxEventBytes));
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
        if (done.completeExceptionally(timeout)) {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
            body.completeExceptionally(timeout);
        }
    }
}

package com.landki.interview.openai.internal;

import com.landki.interview.openai.OpenAiTimeoutException;
import com.landki.interview.openai.ServerSentEventListener;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;

/**
 * Receives the lines of a streamed body from the JDK (which splits lines and decodes UTF-8 across chunks),
 * parses events and hands them to the listener. Requests one line at a time, so a slow listener slows the
 * socket instead of filling memory. A listener failure cancels the body and fails {@code done}; so does
 * silence longer than the idle timeout (retryable while no byte of the body has arrived, final afterwards).
 */
public final class SseSubscriber implements Flow.Subscriber<String> {

    private final CompletableFuture<Void> done;
    private final SseParser parser;
    private final String what;
    private final Duration idleTimeout;
    private final Timer timer;
    private volatile boolean started;
    private volatile Flow.Subscription subscription;
    private volatile ScheduledFuture<?> idleTask;

    public SseSubscriber(ServerSentEventListener listener, CompletableFuture<Void> done, String what,
            Duration idleTimeout, Timer timer) {
        this.done = done;
        this.parser = new SseParser(listener::onEvent);
        this.what = what;
        this.idleTimeout = idleTimeout;
        this.timer = timer;
        done.whenComplete((v, e) -> disarm());
    }

    /** Whether any line of the body has arrived; after that, a failure is no longer retried. */
    public boolean started() {
        return started;
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
    public void onNext(String line) {
        started = true;
        arm();
        if (done.isDone()) {
            subscription.cancel();
            return;
        }
        try {
            parser.line(line);
        } catch (RuntimeException | Error e) {
            subscription.cancel();
            done.completeExceptionally(e);
            return;
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable throwable) {
        // reported through the response future, which fails with the same cause
        disarm();
    }

    @Override
    public void onComplete() {
        // an unterminated last event is discarded (WHATWG rule); the response future completes next
        disarm();
    }

    /** (Re)starts the idle timer; called from the serialized Flow callbacks only. */
    private void arm() {
        ScheduledFuture<?> previous = idleTask;
        if (previous != null) {
            previous.cancel(false);
        }
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
        OpenAiTimeoutException timeout = started
                ? new StreamIdleException(what + ": stream sent nothing for " + idleTimeout)
                : new OpenAiTimeoutException(what + ": stream sent nothing for " + idleTimeout);
        if (done.completeExceptionally(timeout)) {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }
}

package com.landki.interview.openai.internal;

import com.landki.interview.openai.ServerSentEventListener;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * Receives the lines of a streamed body from the JDK (which splits lines and decodes UTF-8 across chunks),
 * parses events and hands them to the listener. Requests one line at a time, so a slow listener slows the
 * socket instead of filling memory. A listener failure cancels the body and fails {@code done}.
 */
public final class SseSubscriber implements Flow.Subscriber<String> {

    private final CompletableFuture<Void> done;
    private final SseParser parser;
    private volatile boolean started;
    private Flow.Subscription subscription;

    public SseSubscriber(ServerSentEventListener listener, CompletableFuture<Void> done) {
        this.done = done;
        this.parser = new SseParser(listener::onEvent);
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
            s.request(1);
        }
    }

    @Override
    public void onNext(String line) {
        started = true;
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
    }

    @Override
    public void onComplete() {
        // an unterminated last event is discarded (WHATWG rule); the response future completes next
    }
}

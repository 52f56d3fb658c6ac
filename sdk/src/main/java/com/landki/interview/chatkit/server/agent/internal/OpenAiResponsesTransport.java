package com.landki.interview.chatkit.server.agent.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.landki.interview.chatkit.server.agent.ResponsesTransport;
import com.landki.interview.chatkit.server.responder.StreamCancelledException;
import com.landki.interview.openai.OpenAiException;
import com.landki.interview.openai.OpenAiHttp;
import com.landki.interview.openai.ServerSentEvent;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * {@link ResponsesTransport} on the shared {@link OpenAiHttp}. Its listener runs on {@code HttpClient} threads;
 * this hands every event through a bounded queue to the calling thread, so the turn stays on one thread and a
 * slow page slows the upstream read (TCP back-pressure) instead of buffering without limit. Cancelling
 * cancels the HTTP exchange. Thread-safe.
 */
public final class OpenAiResponsesTransport implements ResponsesTransport {

    private static final int QUEUE = 256;
    private static final long POLL_MILLIS = 100;
    private static final Object END = new Object();

    private final OpenAiHttp http;

    public OpenAiResponsesTransport(OpenAiHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public void stream(JsonNode body, Consumer<ServerSentEvent> events, Consumer<Runnable> onCancel) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
        AtomicBoolean cancelled = new AtomicBoolean();
        CompletableFuture<Void> done = http.postStreamAsync("/responses", body, Map.of(),
                event -> offer(queue, event, cancelled));
        done.whenComplete((ignored, failure) -> offer(queue, failure == null ? END : failure, cancelled));
        onCancel.accept(() -> {
            cancelled.set(true);
            done.cancel(true);
        });
        boolean ended = false;
        try {
            while (true) {
                if (cancelled.get()) {
                    throw new StreamCancelledException("the Responses call was cancelled", null);
                }
                Object next = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (next == null) {
                    continue;
                }
                if (next == END) {
                    ended = true;
                    return;
                }
                if (next instanceof Throwable failure) {
                    throw unwrap(failure);
                }
                events.accept((ServerSentEvent) next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamCancelledException("interrupted while streaming", e);
        } finally {
            if (!ended) {
                // the consumer gave up (error event, cancel): stop the exchange so no HTTP thread waits on the queue
                cancelled.set(true);
                done.cancel(true);
            }
        }
    }

    /** Blocks the HTTP thread while the queue is full (back-pressure), but never past a cancel. */
    private static void offer(BlockingQueue<Object> queue, Object item, AtomicBoolean cancelled) {
        try {
            while (!cancelled.get()) {
                if (queue.offer(item, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static RuntimeException unwrap(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new OpenAiException("the Responses stream failed: " + cause, cause);
    }
}

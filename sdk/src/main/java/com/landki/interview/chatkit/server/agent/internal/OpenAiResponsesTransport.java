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
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@link ResponsesTransport} on the shared {@link OpenAiHttp}. {@link #streamAsync} (what the server uses) hands
 * events to the consumer on {@code HttpClient} threads and reads the next chunk once the consumer is ready, so a
 * slow page slows the upstream read (TCP back-pressure) without a waiting thread. The blocking {@link #stream}
 * hands every event through a bounded queue to the calling thread. Cancelling cancels the HTTP exchange.
 * Thread-safe.
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

    @Override
    public CompletableFuture<Void> streamAsync(JsonNode body, Consumer<ServerSentEvent> events,
            Consumer<Runnable> onCancel, Supplier<? extends CompletionStage<?>> ready) {
        CompletableFuture<Void> done = http.postStreamAsync("/responses", body, Map.of(), events::accept, ready);
        onCancel.accept(() -> done.cancel(true));
        CompletableFuture<Void> out = new CompletableFuture<>();
        done.whenComplete((v, failure) -> {
            if (failure == null) {
                out.complete(null);
            } else if (done.isCancelled()) {
                out.completeExceptionally(new StreamCancelledException("the Responses call was cancelled", null));
            } else {
                out.completeExceptionally(unwrap(failure));
            }
        });
        return out;
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

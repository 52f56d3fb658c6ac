package com.landki.interview.servlet.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.landki.interview.chatkit.server.agent.ResponsesTransport;
import com.landki.interview.chatkit.server.responder.StreamCancelledException;
import com.landki.interview.openai.ServerSentEvent;
import com.landki.interview.openai.internal.UpstreamFailure;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The own server's Responses API calls, measured: each call's duration to the end of its stream and the time
 * to its first output text ({@code response.output_text.delta}) go to {@link ApiMetrics}, and a failed call
 * counts its error code (an upstream {@link UpstreamFailure.Kind#code()}; a stream that broke off or reported
 * {@code error}/{@code response.failed} counts as {@code upstream_error}). Calls the page cancelled are not
 * measured. Thread-safe.
 */
final class TimedResponsesTransport implements ResponsesTransport {

    static final String TEXT_DELTA = "response.output_text.delta";
    private static final String TEXT_DELTA_TYPE = "\"type\":\"" + TEXT_DELTA + "\"";

    private final ResponsesTransport inner;
    private final ApiMetrics metrics;
    private final LongSupplier nanoTime;

    TimedResponsesTransport(ResponsesTransport inner, ApiMetrics metrics, LongSupplier nanoTime) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.metrics = metrics;
        this.nanoTime = nanoTime;
    }

    @Override
    public void stream(JsonNode body, Consumer<ServerSentEvent> events, Consumer<Runnable> onCancel) {
        Call call = new Call(events);
        try {
            inner.stream(body, call::accept, call.cancellable(onCancel));
        } catch (RuntimeException e) {
            call.ended(e);
            throw e;
        }
        call.ended(null);
    }

    @Override
    public CompletableFuture<Void> streamAsync(JsonNode body, Consumer<ServerSentEvent> events,
            Consumer<Runnable> onCancel, Supplier<? extends CompletionStage<?>> ready) {
        Call call = new Call(events);
        CompletableFuture<Void> result;
        try {
            result = inner.streamAsync(body, call::accept, call.cancellable(onCancel), ready);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        return result.whenComplete((ignored, failure) -> call.ended(failure));
    }

    /** Whether {@code event} carries output text (the SSE event name, or its {@code type} when it has none). */
    static boolean isTextDelta(ServerSentEvent event) {
        return TEXT_DELTA.equals(event.event())
                || (ServerSentEvent.DEFAULT_EVENT.equals(event.event()) && event.data().contains(TEXT_DELTA_TYPE));
    }

    /** One call: its start, whether its first text came yet. Events arrive one at a time. */
    private final class Call {

        private final long started = nanoTime.getAsLong();
        private final Consumer<ServerSentEvent> events;
        private volatile boolean firstText;
        private volatile boolean cancelled;

        Call(Consumer<ServerSentEvent> events) {
            this.events = events;
        }

        void accept(ServerSentEvent event) {
            if (!firstText && isTextDelta(event)) {
                firstText = true;
                metrics.firstToken(elapsed());
            }
            events.accept(event);
        }

        /** The server's cancel hook, also noting that the page went away (the failure that follows is not upstream's). */
        Consumer<Runnable> cancellable(Consumer<Runnable> onCancel) {
            return abort -> onCancel.accept(() -> {
                cancelled = true;
                abort.run();
            });
        }

        void ended(Throwable failure) {
            Throwable cause = failure == null ? null : UpstreamErrors.unwrap(failure);
            if (cancelled || cause instanceof StreamCancelledException || cause instanceof CancellationException) {
                return;
            }
            UpstreamFailure upstream = cause == null ? null : UpstreamFailure.of(cause);
            String code = cause == null ? null
                    : upstream != null ? upstream.kind().code() : UpstreamFailure.Kind.SERVER_ERROR.code();
            metrics.responsesCall(elapsed(), code);
        }

        private Duration elapsed() {
            return Duration.ofNanos(nanoTime.getAsLong() - started);
        }
    }
}

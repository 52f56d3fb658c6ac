package com.landki.interview.chatkit.server.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.landki.interview.chatkit.server.agent.internal.OpenAiResponsesTransport;
import com.landki.interview.openai.OpenAiHttp;
import com.landki.interview.openai.ServerSentEvent;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Posts a streamed Responses API request and hands its events over as they arrive. The seam between the agent
 * and HTTP: the default runs on the shared {@link OpenAiHttp} (its retries, timeouts and typed errors);
 * tests or other HTTP stacks plug in here. Implementations are thread-safe.
 */
@FunctionalInterface
public interface ResponsesTransport {

    /**
     * {@code POST /responses} with {@code body} (which has {@code stream: true}); calls {@code events} for each
     * event in order <em>on the calling thread</em> and returns when the stream ends. {@code onCancel} receives
     * an action that aborts the call; the server runs it when the page goes away.
     *
     * @param body the request body
     * @param events receives each event
     * @param onCancel receives the abort action
     * @throws com.landki.interview.openai.OpenAiException when the call fails before or while streaming
     * @throws com.landki.interview.chatkit.server.responder.StreamCancelledException when it was cancelled
     */
    void stream(JsonNode body, Consumer<ServerSentEvent> events, Consumer<Runnable> onCancel);

    /**
     * The same call without a waiting thread: {@code events} is called for each event in order, one call at a
     * time, on whatever thread delivers it; after the events of each chunk the transport asks {@code ready} and
     * reads on once its stage completed (the page's back-pressure). The future completes when the stream ends and
     * fails with the exceptions {@link #stream} throws. The server runs streams through this method. The default
     * runs {@link #stream} on the calling thread (and so blocks it): override it for streams without a thread each.
     *
     * @param body the request body
     * @param events receives each event
     * @param onCancel receives the abort action
     * @param ready asked after each chunk for the stage to wait for; {@code null} never waits
     * @return completes when the stream ends
     */
    default CompletableFuture<Void> streamAsync(JsonNode body, Consumer<ServerSentEvent> events,
            Consumer<Runnable> onCancel, Supplier<? extends CompletionStage<?>> ready) {
        try {
            stream(body, events, onCancel);
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * The transport over {@code http}.
     *
     * @param http the OpenAI client; the caller closes it
     * @return the transport
     */
    static ResponsesTransport of(OpenAiHttp http) {
        return new OpenAiResponsesTransport(http);
    }
}

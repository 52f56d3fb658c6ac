package com.landki.interview.chatkit.server.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.landki.interview.chatkit.server.agent.internal.OpenAiResponsesTransport;
import com.landki.interview.openai.OpenAiHttp;
import com.landki.interview.openai.ServerSentEvent;
import java.util.function.Consumer;

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
     * @throws com.landki.interview.openai.OpenAiException when the call fails before or while streaming
     * @throws com.landki.interview.chatkit.server.responder.StreamCancelledException when it was cancelled
     */
    void stream(JsonNode body, Consumer<ServerSentEvent> events, Consumer<Runnable> onCancel);

    /** The transport over {@code http}. */
    static ResponsesTransport of(OpenAiHttp http) {
        return new OpenAiResponsesTransport(http);
    }
}

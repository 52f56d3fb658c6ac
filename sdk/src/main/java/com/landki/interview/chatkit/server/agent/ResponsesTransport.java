package com.landki.interview.chatkit.server.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;

/**
 * Posts a streamed Responses API request and hands its events over as they arrive. The seam between the agent
 * and HTTP: the default is {@link #http}, tests and other HTTP stacks plug in here. Implementations are
 * thread-safe.
 */
@FunctionalInterface
public interface ResponsesTransport {

    /**
     * {@code POST /responses} with {@code body} (which has {@code stream: true}); calls {@code events} for each
     * event in order on the calling thread and returns when the stream ends. {@code onCancel} receives an
     * action that aborts the call; the caller runs it when the page goes away.
     *
     * @throws UpstreamException when the call fails before or while streaming
     */
    void stream(JsonNode body, Consumer<UpstreamEvent> events, Consumer<Runnable> onCancel);

    /** The JDK {@code HttpClient} transport for {@code settings}. */
    static ResponsesTransport http(UpstreamSettings settings) {
        return new com.landki.interview.chatkit.server.agent.internal.HttpResponsesTransport(settings);
    }
}

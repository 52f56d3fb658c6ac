package com.landki.interview.openai;

/**
 * Receives the events of a streamed response ({@link OpenAiHttp#postStreamAsync}) as they arrive.
 *
 * <p>Called for one stream sequentially (never concurrently), in stream order, on an {@code HttpClient} thread:
 * hand slow work to your own executor. An exception thrown here aborts the stream, and the stream's future
 * completes with that exception.
 */
@FunctionalInterface
public interface ServerSentEventListener {

    /**
     * Handles one event.
     *
     * @param event the event
     */
    void onEvent(ServerSentEvent event);
}

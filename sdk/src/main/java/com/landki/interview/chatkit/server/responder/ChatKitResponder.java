package com.landki.interview.chatkit.server.responder;

import java.util.Map;

/**
 * Produces the assistant's answer for a turn, e.g. by calling a model. Implementations must be thread-safe:
 * one instance serves all concurrent turns.
 */
@FunctionalInterface
public interface ChatKitResponder {

    /**
     * Answers {@code turn} by emitting events on it. Returns when the answer is complete. Throw
     * {@link StreamException} to end with an error the page shows; other runtime exceptions become a
     * generic retryable {@code stream.error}.
     */
    void respond(ResponseTurn turn);

    /**
     * Handles {@code threads.custom_action} (a widget action). This server shows no widgets, so the default
     * ends the turn with an error.
     */
    default void action(ResponseTurn turn, Map<String, Object> action, String itemId) {
        throw StreamException.custom("This assistant does not support actions.", false);
    }
}

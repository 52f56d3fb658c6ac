package com.landki.interview.chatkit.server.responder;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

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
     *
     * @param turn the thread, its history and the way to send events
     */
    void respond(ResponseTurn turn);

    /**
     * Answers {@code turn} without holding a thread while waiting (the server calls this). The stage completes
     * when the answer is complete and fails with what {@link #respond} would throw. The default runs
     * {@link #respond} on the calling thread, which then waits with it: a responder that calls a model should
     * override this, as {@code ResponsesAgent} does.
     *
     * @param turn the thread, its history and the way to send events
     * @return completes when the answer is complete
     */
    default CompletionStage<Void> respondAsync(ResponseTurn turn) {
        try {
            respond(turn);
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * The {@code threads.custom_action} types {@link #action} handles; any other type (except the server's own
     * {@code ChatKitServer.OUT_OF_SCOPE_ACTION}) is answered as chatkit-python's base {@code action()} is:
     * {@code stream_options}, then {@code error {stream.error, allow_retry: true}}. The default is none.
     *
     * @return the action types, not {@code null}
     */
    default Set<String> actionTypes() {
        return Set.of();
    }

    /**
     * Handles {@code threads.custom_action} (a widget action) of one of the {@link #actionTypes()}, e.g. by
     * emitting a {@code widget.root.updated} for the widget item {@code itemId}. The server has checked that
     * {@code itemId}, when given, names a widget item of the thread. The default ends the turn with a retryable
     * {@code stream.error}, as chatkit-python's base {@code action()} does.
     *
     * @param turn the turn to answer
     * @param action the action's type and payload
     * @param itemId the widget item the action came from, or {@code null}
     */
    default void action(ResponseTurn turn, Map<String, Object> action, String itemId) {
        throw StreamException.streamError(true, "action() is not implemented for " + action.get("type"), null);
    }
}

package com.landki.interview.chatkit.server.responder;

import com.landki.interview.chatkit.server.ChatKitResult;

/**
 * Thrown by {@link ResponseTurn#emit} once the answer is cancelled (the page disconnected or
 * {@link ChatKitResult#cancel()} was called). Responders let it propagate; the server ends the turn quietly.
 */
public class StreamCancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message says what was cancelled
     * @param cause what noticed the cancellation, or {@code null}
     */
    public StreamCancelledException(String message, Throwable cause) {
        super(message, cause);
    }
}

package com.landki.interview.chatkit.server.responder;

import com.landki.interview.chatkit.server.types.ThreadStreamEvent;

/**
 * Thrown by a {@link ChatKitResponder} to end an answer with an {@code error} event. {@link #custom} shows
 * its message to the user; {@link #streamError} lets the page show its own localized text.
 */
public class StreamException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String userMessage;
    private final boolean allowRetry;

    private StreamException(String code, String userMessage, boolean allowRetry, String logMessage, Throwable cause) {
        super(logMessage, cause);
        this.code = code;
        this.userMessage = userMessage;
        this.allowRetry = allowRetry;
    }

    /** An error whose {@code userMessage} the page shows as it is. */
    public static StreamException custom(String userMessage, boolean allowRetry) {
        return new StreamException(ThreadStreamEvent.Error.CUSTOM, userMessage, allowRetry, userMessage, null);
    }

    /** A generic {@code stream.error}; {@code logMessage} and {@code cause} go to the log only. */
    public static StreamException streamError(boolean allowRetry, String logMessage, Throwable cause) {
        return new StreamException(ThreadStreamEvent.Error.STREAM_ERROR, null, allowRetry, logMessage, cause);
    }

    /** The {@code error} event this exception becomes. */
    public ThreadStreamEvent.Error toEvent() {
        return new ThreadStreamEvent.Error(code, userMessage, allowRetry);
    }
}

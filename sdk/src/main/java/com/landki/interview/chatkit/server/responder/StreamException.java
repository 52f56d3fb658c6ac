package com.landki.interview.chatkit.server.responder;

import com.landki.interview.chatkit.server.types.ThreadStreamEvent;

/**
 * Thrown by a {@link ChatKitResponder} to end an answer with an {@code error} event. {@link #custom} shows
 * its message to the user; {@link #streamError} lets the page show its own localized text.
 */
public class StreamException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The {@code error} event's code. */
    private final String code;
    /** The text the page shows, or {@code null} for the page's generic text. */
    private final String userMessage;
    /** Whether the page offers to retry. */
    private final boolean allowRetry;

    private StreamException(String code, String userMessage, boolean allowRetry, String logMessage, Throwable cause) {
        super(logMessage, cause);
        this.code = code;
        this.userMessage = userMessage;
        this.allowRetry = allowRetry;
    }

    /**
     * An error whose {@code userMessage} the page shows as it is.
     *
     * @param userMessage shown to the user as it is
     * @param allowRetry whether the page offers to retry
     * @return the exception
     */
    public static StreamException custom(String userMessage, boolean allowRetry) {
        return new StreamException(ThreadStreamEvent.Error.CUSTOM, userMessage, allowRetry, userMessage, null);
    }

    /**
     * A generic {@code stream.error}; {@code logMessage} and {@code cause} go to the log only.
     *
     * @param allowRetry whether the page offers to retry
     * @param logMessage for the log only
     * @param cause for the log only, or {@code null}
     * @return the exception
     */
    public static StreamException streamError(boolean allowRetry, String logMessage, Throwable cause) {
        return new StreamException(ThreadStreamEvent.Error.STREAM_ERROR, null, allowRetry, logMessage, cause);
    }

    /**
     * The {@code error} event this exception becomes.
     *
     * @return the event
     */
    public ThreadStreamEvent.Error toEvent() {
        return new ThreadStreamEvent.Error(code, userMessage, allowRetry);
    }
}

package com.landki.interview.servlet.internal;

import java.time.Duration;

/** A failed call to the OpenAI API, reduced to what the HTTP mapping of MISSION §5 needs. */
public final class UpstreamException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** How the call failed. */
    public enum Kind { HTTP, TIMEOUT, CONNECTION }

    private final Kind kind;
    private final int status;
    private final String requestId;
    private final Duration retryAfter;

    public UpstreamException(Kind kind, int status, String message, String requestId, Duration retryAfter) {
        super(message, null, false, false);
        this.kind = kind;
        this.status = status;
        this.requestId = requestId;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** The upstream HTTP status, 0 when there was no HTTP answer. */
    public int status() {
        return status;
    }

    /** The upstream {@code x-request-id}, or {@code null}. */
    public String requestId() {
        return requestId;
    }

    /** The upstream's {@code Retry-After}, or {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }
}

package com.landki.interview.chatkit.server.agent;

/**
 * The Responses API call failed: an HTTP status ({@code 0} when no answer came: connect error, timeout), the
 * OpenAI error code if any, and the upstream request id. The message never contains the API key and ends
 * with {@code request-id: …} when the id is known.
 */
public class UpstreamException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String errorCode;
    private final String requestId;

    public UpstreamException(int status, String errorCode, String message, String requestId, Throwable cause) {
        super(message + (requestId == null ? "" : " (request-id: " + requestId + ")"), cause);
        this.status = status;
        this.errorCode = errorCode;
        this.requestId = requestId;
    }

    /** HTTP status, or 0 when the upstream never answered. */
    public int status() {
        return status;
    }

    /** OpenAI's error code, e.g. {@code rate_limit_exceeded}, or null. */
    public String errorCode() {
        return errorCode;
    }

    /** The upstream {@code x-request-id}, or null. */
    public String requestId() {
        return requestId;
    }

    /** True for failures a later attempt may not see: no answer, 408, 409, 429, 5xx. */
    public boolean retryable() {
        return status == 0 || status == 408 || status == 409 || status == 429 || status >= 500;
    }
}

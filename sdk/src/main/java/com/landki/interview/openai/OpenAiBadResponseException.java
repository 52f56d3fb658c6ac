package com.landki.interview.openai;

/**
 * OpenAI answered with a success status, but with a body this client cannot use: not JSON, or without a field
 * the answer must have (a session's {@code client_secret} as a non-empty string). Retrying rarely helps; the
 * servlets answer it {@code 502 upstream_bad_response}.
 */
public class OpenAiBadResponseException extends OpenAiException {

    private static final long serialVersionUID = 1L;

    /** OpenAI's {@code x-request-id} of the answer, or {@code null}. */
    private final String requestId;

    /**
     * @param message   what was wrong with the answer (never the answer's secrets)
     * @param requestId OpenAI's {@code x-request-id} of the answer, or {@code null}
     * @param cause     the parse failure, or {@code null}
     */
    public OpenAiBadResponseException(String message, String requestId, Throwable cause) {
        super(message, cause);
        this.requestId = requestId;
    }

    /**
     * OpenAI's {@code x-request-id} of the unusable answer, or {@code null}.
     *
     * @return the request id, or {@code null}
     */
    public String requestId() {
        return requestId;
    }
}

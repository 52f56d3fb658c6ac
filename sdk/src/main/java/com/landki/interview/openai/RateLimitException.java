package com.landki.interview.openai;

import java.time.Duration;

/** 429 Too Many Requests (rate limit or quota); retried, and thrown when the retries are used up. */
public class RateLimitException extends OpenAiApiException {

    private static final long serialVersionUID = 1L;

    /**
     * @param errorType {@code error.type} or {@code null}
     * @param code {@code error.code} or {@code null}
     * @param param {@code error.param} or {@code null}
     * @param errorMessage {@code error.message}, free of secrets
     * @param requestId {@code x-request-id} or {@code null}
     * @param retryAfter the server's wait hint or {@code null}
     */
    public RateLimitException(String errorType, String code, String param, String errorMessage, String requestId,
            Duration retryAfter) {
        super(429, errorType, code, param, errorMessage, requestId, retryAfter);
    }
}

package com.landki.interview.openai;

import java.time.Duration;

/** 429 Too Many Requests (rate limit or quota); retried, and thrown when the retries are used up. */
public class RateLimitException extends OpenAiApiException {

    private static final long serialVersionUID = 1L;

    public RateLimitException(String errorType, String code, String param, String errorMessage, String requestId,
            Duration retryAfter) {
        super(429, errorType, code, param, errorMessage, requestId, retryAfter);
    }
}

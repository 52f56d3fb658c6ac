package com.landki.interview.openai;

import java.time.Duration;

/** 5xx: OpenAI failed or is overloaded; retried, and thrown when the retries are used up. */
public class ServerException extends OpenAiApiException {

    private static final long serialVersionUID = 1L;

    public ServerException(int statusCode, String errorType, String code, String param, String errorMessage,
            String requestId, Duration retryAfter) {
        super(statusCode, errorType, code, param, errorMessage, requestId, retryAfter);
    }
}

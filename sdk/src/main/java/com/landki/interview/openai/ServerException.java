package com.landki.interview.openai;

import java.time.Duration;

/** 5xx: OpenAI failed or is overloaded; retried, and thrown when the retries are used up. */
public class ServerException extends OpenAiApiException {

    private static final long serialVersionUID = 1L;

    /**
     * @param statusCode 500 to 599
     * @param errorType {@code error.type} or {@code null}
     * @param code {@code error.code} or {@code null}
     * @param param {@code error.param} or {@code null}
     * @param errorMessage {@code error.message}, free of secrets
     * @param requestId {@code x-request-id} or {@code null}
     * @param retryAfter the server's wait hint or {@code null}
     */
    public ServerException(int statusCode, String errorType, String code, String param, String errorMessage,
            String requestId, Duration retryAfter) {
        super(statusCode, errorType, code, param, errorMessage, requestId, retryAfter);
    }
}

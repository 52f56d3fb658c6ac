package com.landki.interview.openai;

/**
 * 400 Bad Request: the request is malformed or names something that does not exist (e.g. a missing workflow
 * id). Never retried.
 */
public class BadRequestException extends OpenAiApiException {

    private static final long serialVersionUID = 1L;

    /**
     * @param errorType {@code error.type} or {@code null}
     * @param code {@code error.code} or {@code null}
     * @param param {@code error.param} or {@code null}
     * @param errorMessage {@code error.message}, free of secrets
     * @param requestId {@code x-request-id} or {@code null}
     */
    public BadRequestException(String errorType, String code, String param, String errorMessage, String requestId) {
        super(400, errorType, code, param, errorMessage, requestId, null);
    }
}

package com.landki.interview.openai;

/**
 * 400 Bad Request: the request is malformed or names something that does not exist (e.g. a missing workflow
 * id). Never retried.
 */
public class BadRequestException extends OpenAiApiException {

    private static final long serialVersionUID = 1L;

    public BadRequestException(String errorType, String code, String param, String errorMessage, String requestId) {
        super(400, errorType, code, param, errorMessage, requestId, null);
    }
}

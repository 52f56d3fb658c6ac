package com.landki.interview.openai;

/** 404 Not Found: the session, thread or other object does not exist. Never retried. */
public class NotFoundException extends OpenAiApiException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String errorType, String code, String param, String errorMessage, String requestId) {
        super(404, errorType, code, param, errorMessage, requestId, null);
    }
}

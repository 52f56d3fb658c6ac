package com.landki.interview.openai;

/** 404 Not Found: the session, thread or other object does not exist. Never retried. */
public class NotFoundException extends OpenAiApiException {

    private static final long serialVersionUID = 1L;

    /**
     * @param errorType {@code error.type} or {@code null}
     * @param code {@code error.code} or {@code null}
     * @param param {@code error.param} or {@code null}
     * @param errorMessage {@code error.message}, free of secrets
     * @param requestId {@code x-request-id} or {@code null}
     */
    public NotFoundException(String errorType, String code, String param, String errorMessage, String requestId) {
        super(404, errorType, code, param, errorMessage, requestId, null);
    }
}

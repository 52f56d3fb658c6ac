package com.landki.interview.openai;

/** 401 or 403: the API key is wrong, revoked or lacks access to the project or workflow. Never retried. */
public class AuthenticationException extends OpenAiApiException {

    private static final long serialVersionUID = 1L;

    /**
     * @param statusCode 401 or 403
     * @param errorType {@code error.type} or {@code null}
     * @param code {@code error.code} or {@code null}
     * @param param {@code error.param} or {@code null}
     * @param errorMessage {@code error.message}, free of secrets
     * @param requestId {@code x-request-id} or {@code null}
     */
    public AuthenticationException(int statusCode, String errorType, String code, String param,
            String errorMessage, String requestId) {
        super(statusCode, errorType, code, param, errorMessage, requestId, null);
    }
}

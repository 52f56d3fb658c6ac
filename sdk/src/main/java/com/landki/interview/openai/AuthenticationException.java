package com.landki.interview.openai;

/** 401 or 403: the API key is wrong, revoked or lacks access to the project or workflow. Never retried. */
public class AuthenticationException extends OpenAiApiException {

    private static final long serialVersionUID = 1L;

    public AuthenticationException(int statusCode, String errorType, String code, String param,
            String errorMessage, String requestId) {
        super(statusCode, errorType, code, param, errorMessage, requestId, null);
    }
}

package com.landki.interview.openai;

/**
 * Base of every failure of a call to the OpenAI API. Unchecked; messages never contain the API key.
 *
 * <p>Subtypes: {@link OpenAiApiException} (the API answered with an error status),
 * {@link OpenAiTimeoutException} and {@link OpenAiConnectionException} (no usable answer).
 */
public class OpenAiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, free of secrets
     */
    public OpenAiException(String message) {
        super(message);
    }

    /**
     * @param message what failed, free of secrets
     * @param cause the underlying exception
     */
    public OpenAiException(String message, Throwable cause) {
        super(message, cause);
    }
}

package com.landki.interview.openai;

/** The connection could not be opened or broke before a complete answer (DNS, refused, reset, closed). */
public class OpenAiConnectionException extends OpenAiException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, free of secrets
     * @param cause the transport's exception
     */
    public OpenAiConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}

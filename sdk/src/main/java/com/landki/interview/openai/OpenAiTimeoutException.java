package com.landki.interview.openai;

/** No complete answer within the request timeout or the retry deadline (servlets map it to 504). */
public class OpenAiTimeoutException extends OpenAiException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message which limit was hit
     */
    public OpenAiTimeoutException(String message) {
        super(message);
    }

    /**
     * @param message which limit was hit
     * @param cause the underlying exception
     */
    public OpenAiTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}

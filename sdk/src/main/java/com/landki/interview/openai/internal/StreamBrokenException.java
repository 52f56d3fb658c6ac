package com.landki.interview.openai.internal;

import com.landki.interview.openai.OpenAiConnectionException;

/** A stream failed after its body had started; never retried, since events were already delivered. */
public final class StreamBrokenException extends OpenAiConnectionException implements Retrier.NotRetryable {

    private static final long serialVersionUID = 1L;

    public StreamBrokenException(String message, Throwable cause) {
        super(message, cause);
    }
}

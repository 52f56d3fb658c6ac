package com.landki.interview.openai.internal;

import com.landki.interview.openai.OpenAiTimeoutException;

/** A stream went silent after its body had started; never retried, since events were already delivered. */
public final class StreamIdleException extends OpenAiTimeoutException implements Retrier.NotRetryable {

    private static final long serialVersionUID = 1L;

    public StreamIdleException(String message) {
        super(message);
    }
}

package com.landki.interview.openai;

import java.time.Duration;

/**
 * Told about every retry, e.g. to count retries in metrics or to log them your way. Called on the thread that saw
 * the failure, before the wait; must be thread-safe and quick, and must not throw (an exception is ignored).
 */
@FunctionalInterface
public interface RetryListener {

    /**
     * @param call          the call, e.g. {@code POST /v1/chatkit/sessions}
     * @param failedAttempt the attempt that failed, 1 for the first
     * @param failure       why it failed (an {@link OpenAiException})
     * @param wait          how long the next attempt waits
     */
    void onRetry(String call, int failedAttempt, Throwable failure, Duration wait);

    /**
     * A listener that does nothing.
     *
     * @return the listener
     */
    static RetryListener none() {
        return (call, failedAttempt, failure, wait) -> { };
    }
}

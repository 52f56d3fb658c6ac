package com.landki.interview.openai.internal;

import com.landki.interview.openai.OpenAiException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Blocking waits for the asynchronous calls, rethrowing the original unchecked exception. */
public final class Futures {

    private Futures() {
    }

    /**
     * Waits for {@code future}. On interrupt the call is cancelled, the interrupt flag restored and an
     * {@link OpenAiException} thrown.
     */
    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new OpenAiException("interrupted while waiting for the OpenAI API", e);
        } catch (ExecutionException e) {
            Throwable cause = Errors.unwrap(e);
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new OpenAiException("OpenAI call failed: " + cause, cause);
        } catch (CancellationException e) {
            throw new OpenAiException("OpenAI call was cancelled", e);
        }
    }
}

package com.landki.interview.openai.internal;

import com.landki.interview.openai.OpenAiException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

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

    /**
     * {@code source.thenApply(fn)}, except that cancelling the result also cancels {@code source} (a plain
     * dependent stage would leave the request running).
     */
    public static <T, R> CompletableFuture<R> map(CompletableFuture<T> source, Function<? super T, ? extends R> fn) {
        CompletableFuture<R> result = source.thenApply(fn);
        propagateCancel(result, source);
        return result;
    }

    /** Cancels {@code upstream} when {@code result} is cancelled. */
    public static void propagateCancel(CompletableFuture<?> result, CompletableFuture<?> upstream) {
        result.whenComplete((v, e) -> {
            if (result.isCancelled()) {
                upstream.cancel(true);
            }
        });
    }
}

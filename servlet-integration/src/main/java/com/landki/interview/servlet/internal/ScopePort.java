package com.landki.interview.servlet.internal;

import java.util.concurrent.CompletableFuture;

/** What {@code /classify} needs from the classifier. Implementations are thread-safe. */
public interface ScopePort {

    Decision classifyText(String userQuestion, String assistantReply);

    /**
     * Classifies the newest answer of a ChatKit thread owned by {@code userId}. Completes with
     * {@link ThreadNotFoundException} when the thread does not exist or belongs to someone else, with
     * {@link UpstreamException} when the ChatKit API fails.
     */
    CompletableFuture<ThreadResult> classifyThread(String threadId, String userId);

    /** {@code false} when thread classification has no ChatKit client to read threads with. */
    boolean threadsConfigured();

    /** The classifier's verdict. */
    record Decision(boolean outOfScope, String source, String marker) {
    }

    /** A thread's verdict with the question and answer it was made on, for the chat log. */
    record ThreadResult(Decision decision, String userQuestion, String assistantReply) {
    }

    /** The thread is unknown to the caller (missing, or owned by another user: both look the same). */
    final class ThreadNotFoundException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public ThreadNotFoundException(String threadId) {
            super("thread " + threadId + " not found", null, false, false);
        }
    }
}

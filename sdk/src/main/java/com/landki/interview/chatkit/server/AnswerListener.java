package com.landki.interview.chatkit.server;

import com.landki.interview.chatkit.server.types.RequestContext;

/**
 * Told about every finished answer, in scope or not, after it is complete, and about every new thread, e.g. to
 * log {@code response.classified} and {@code thread.created} and count them (so an out-of-scope rate is a
 * rate). An answer is out of scope when the model called {@code report_out_of_scope} ({@link #STRUCTURED}) or
 * the configured {@link AnswerClassifier} found it ({@link #MARKER}); otherwise nothing decided
 * ({@link #NONE}). A cancelled or failed answer is not reported. Must be thread-safe; exceptions are logged
 * and do not affect the answer.
 */
@FunctionalInterface
public interface AnswerListener {

    /** The model's own {@code report_out_of_scope} call decided. */
    String STRUCTURED = "structured";
    /** The {@link AnswerClassifier} (the marker phrases) decided. */
    String MARKER = "marker";
    /** Nothing marked the answer out of scope. */
    String NONE = "none";

    /**
     * An answer finished (in scope or not). Called on the server's thread after the answer is stored; a
     * failure is logged and does not affect the page.
     *
     * @param answer the answer and what was decided about it
     */
    void onAnswer(Answer answer);

    /**
     * A {@code threads.create} request stored a new thread (a conversation began); does nothing by default.
     *
     * @param context the caller
     * @param threadId the new thread's id
     */
    default void onThreadCreated(RequestContext context, String threadId) {
    }

    /**
     * One finished answer: the caller, thread, the assistant item id (null if no text was produced), question,
     * answer, whether it is out of scope, the reason (the model's reason or the matched marker; null in scope)
     * and the source ({@link #STRUCTURED}, {@link #MARKER} or {@link #NONE}).
     */
    record Answer(RequestContext context, String threadId, String itemId, String question, String answer,
                  boolean outOfScope, String reason, String source) {
    }
}

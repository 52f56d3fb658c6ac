package com.landki.interview.chatkit.server;

import com.landki.interview.chatkit.server.types.RequestContext;

/**
 * Told about every answer classified as out of scope — by the model's {@code report_out_of_scope} call
 * ({@link #STRUCTURED}) or by the configured {@link AnswerClassifier} ({@link #MARKER}) — after the answer
 * is complete, e.g. to log {@code response.classified} and count it. Must be thread-safe; exceptions are
 * logged and do not affect the answer.
 */
@FunctionalInterface
public interface OutOfScopeListener {

    String STRUCTURED = "structured";
    String MARKER = "marker";

    void onOutOfScope(OutOfScope event);

    /**
     * One out-of-scope answer: the caller, thread, the assistant item id (null if no text was produced),
     * question, answer, reason (the model's reason or the matched marker) and source.
     */
    record OutOfScope(RequestContext context, String threadId, String itemId, String question, String answer,
                      String reason, String source) {
    }
}

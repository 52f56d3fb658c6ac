package com.landki.interview.classify;

import java.util.Objects;

/**
 * The result of classifying a thread's last turn, with the text the caller logs.
 *
 * @param threadId the thread
 * @param question the user message before the answer, {@code null} when there is none
 * @param answer   the last assistant message, {@code null} when the thread has none (empty thread, or only
 *                 tool calls and widgets)
 * @param decision the decision
 * @param reason   the {@code reason} argument of the client tool call that decided, else {@code null}
 */
public record ThreadClassification(String threadId, String question, String answer, ScopeDecision decision,
                                   String reason) {

    /**
     * Validates the required fields.
     *
     * @param threadId the thread; not {@code null}
     * @param question the last user message, or {@code null}
     * @param answer the last assistant message, or {@code null}
     * @param decision the decision; not {@code null}
     * @param reason the reason the workflow gave, or {@code null}
     */
    public ThreadClassification {
        Objects.requireNonNull(threadId, "threadId");
        Objects.requireNonNull(decision, "decision");
    }
}

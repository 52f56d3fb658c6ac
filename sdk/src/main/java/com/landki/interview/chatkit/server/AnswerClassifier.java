package com.landki.interview.chatkit.server;

import java.util.Optional;

/**
 * A second opinion on a finished answer the model did not flag itself, e.g. the marker-phrase classifier.
 * Must be thread-safe and fast: it runs at the end of every answer, before the stream closes.
 */
@FunctionalInterface
public interface AnswerClassifier {

    /**
     * The reason (e.g. the matched marker) when the answer is out of scope, else empty.
     *
     * @param question the user message answered, or {@code null}
     * @param answer the finished answer text
     * @return the reason, or empty when in scope
     */
    Optional<String> outOfScope(String question, String answer);
}

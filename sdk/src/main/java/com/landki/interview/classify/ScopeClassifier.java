package com.landki.interview.classify;

/**
 * Decides whether an assistant answer is out of scope. Implementations are immutable and thread-safe:
 * build one at start and share it.
 *
 * <ul>
 *   <li>{@link MarkerClassifier}: marker phrases in the answer text;</li>
 *   <li>{@link StructuredClassifier}: the workflow's own flag (a {@code report_out_of_scope} client tool
 *       call, or {@code classification.out_of_scope} in message metadata);</li>
 *   <li>{@link CombinedClassifier}: the first that decides, normally structured first, then markers.</li>
 * </ul>
 *
 * <pre>{@code
 * ScopeClassifier classifier = ScopeClassifier.fromEnv();
 * ScopeDecision decision = classifier.classify(Turn.of(question, answer));
 * }</pre>
 */
@FunctionalInterface
public interface ScopeClassifier {

    /**
     * Classifies one turn.
     *
     * @param turn the question, the answer and the items of the turn
     * @return the decision; {@link ScopeDecision#none()} when this classifier sees no sign of out of scope
     */
    ScopeDecision classify(Turn turn);

    /**
     * Classifies a turn known only by its text.
     *
     * @param question the user's question, or {@code null}
     * @param answer the answer text
     * @return the decision
     */
    default ScopeDecision classify(String question, String answer) {
        return classify(Turn.of(question, answer));
    }

    /**
     * Structured flag with the default tool name first, then the default German and English markers.
     *
     * @return the classifier
     */
    static ScopeClassifier ofDefaults() {
        return CombinedClassifier.of(StructuredClassifier.ofDefaults(), MarkerClassifier.ofDefaults());
    }

    /**
     * Structured flag with the default tool name first, then markers from
     * {@code OUT_OF_SCOPE_MARKERS_FILE} when set, else the defaults; see {@link MarkerClassifier#fromEnv()}.
     *
     * @return the classifier
     */
    static ScopeClassifier fromEnv() {
        return CombinedClassifier.of(StructuredClassifier.ofDefaults(), MarkerClassifier.fromEnv());
    }
}

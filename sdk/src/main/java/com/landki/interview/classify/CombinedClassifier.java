package com.landki.interview.classify;

import java.util.List;
import java.util.Objects;

/**
 * Asks several classifiers in order and returns the first decision whose source is not
 * {@link ScopeDecision.Source#NONE}. With {@link StructuredClassifier} first, the workflow's flag wins
 * over marker phrases, either way: an explicit {@code out_of_scope: false} from the workflow is final.
 * Immutable and thread-safe when its parts are.
 */
public final class CombinedClassifier implements ScopeClassifier {

    private final List<ScopeClassifier> classifiers;

    private CombinedClassifier(List<ScopeClassifier> classifiers) {
        this.classifiers = classifiers;
    }

    /**
     * @return the classifier
     * @param classifiers the classifiers, asked in this order; at least one
     */
    public static CombinedClassifier of(ScopeClassifier... classifiers) {
        Objects.requireNonNull(classifiers, "classifiers");
        if (classifiers.length == 0) {
            throw new IllegalArgumentException("classifiers: give at least one classifier");
        }
        for (int i = 0; i < classifiers.length; i++) {
            Objects.requireNonNull(classifiers[i], "classifiers[" + i + "]");
        }
        return new CombinedClassifier(List.of(classifiers));
    }

    @Override
    public ScopeDecision classify(Turn turn) {
        Objects.requireNonNull(turn, "turn");
        for (ScopeClassifier classifier : classifiers) {
            ScopeDecision decision = classifier.classify(turn);
            if (decision.source() != ScopeDecision.Source.NONE) {
                return decision;
            }
        }
        return ScopeDecision.none();
    }

    /**
     * The classifiers, in the order they are asked.
     *
     * @return an immutable list
     */
    public List<ScopeClassifier> classifiers() {
        return classifiers;
    }

    @Override
    public String toString() {
        return "CombinedClassifier" + classifiers;
    }
}

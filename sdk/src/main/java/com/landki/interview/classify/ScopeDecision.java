package com.landki.interview.classify;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;

/**
 * The verdict on one assistant answer. Serialized by Jackson as the body of {@code POST /classify}:
 * {@code {"out_of_scope":true,"source":"marker","marker":"outside my scope"}}.
 *
 * @param outOfScope whether the answer is out of scope
 * @param source     what decided: the workflow's structured flag, a marker phrase, or nothing
 * @param marker     the matched phrase as configured, the tool name, or the metadata key that decided;
 *                   {@code null} when {@code source} is {@link Source#NONE}
 */
public record ScopeDecision(
        @JsonProperty("out_of_scope") boolean outOfScope,
        @JsonProperty("source") Source source,
        @JsonProperty("marker") String marker) {

    private static final ScopeDecision NONE = new ScopeDecision(false, Source.NONE, null);

    /** What decided a {@link ScopeDecision}. JSON: {@code "structured"}, {@code "marker"}, {@code "none"}. */
    public enum Source {
        /** A structured flag from the workflow: a client tool call or message metadata. */
        STRUCTURED,
        /** A marker phrase in the answer text. */
        MARKER,
        /** Nothing indicated out of scope. */
        NONE;

        /**
         * The JSON form: the lower-case name.
         *
         * @return {@code structured}, {@code marker} or {@code none}
         */
        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * Parses the JSON form (case-insensitive).
         *
         * @param name the JSON form
         * @return the source
         * @throws IllegalArgumentException for an unknown name
         */
        @JsonCreator
        public static Source fromWireName(String name) {
            for (Source source : values()) {
                if (source.name().equalsIgnoreCase(name)) {
                    return source;
                }
            }
            throw new IllegalArgumentException("source: expected structured, marker or none, got '" + name + "'");
        }
    }

    /**
     * Validates: {@code source} is required; a {@code NONE} decision is never out of scope.
     *
     * @param outOfScope whether the answer is out of scope
     * @param source what decided; not {@code null}
     * @param marker the phrase, tool name or metadata key, or {@code null}
     */
    public ScopeDecision {
        Objects.requireNonNull(source, "source");
        if (source == Source.NONE && outOfScope) {
            throw new IllegalArgumentException("outOfScope: a decision with source none cannot be out of scope");
        }
    }

    /**
     * In scope because nothing indicated otherwise.
     *
     * @return the shared in-scope decision
     */
    public static ScopeDecision none() {
        return NONE;
    }

    /**
     * Out of scope because the answer contains {@code phrase}.
     *
     * @param phrase the matched phrase as configured
     * @return an out-of-scope decision with source {@link Source#MARKER}
     */
    public static ScopeDecision marker(String phrase) {
        return new ScopeDecision(true, Source.MARKER, Objects.requireNonNull(phrase, "phrase"));
    }

    /**
     * Decided by the workflow's structured flag named {@code name} (tool name or metadata key).
     *
     * @param outOfScope the flag's value
     * @param name the tool name or metadata key
     * @return a decision with source {@link Source#STRUCTURED}
     */
    public static ScopeDecision structured(boolean outOfScope, String name) {
        return new ScopeDecision(outOfScope, Source.STRUCTURED, Objects.requireNonNull(name, "name"));
    }
}

package com.landki.interview.chatkit.server.types;

import java.util.List;

/** One {@code output_text} part of an assistant message: its text and the annotations (citations) on it. */
public record AssistantContent(String type, String text, List<Annotation> annotations) {

    /** The {@code type} of a text part. */
    public static final String OUTPUT_TEXT = "output_text";

    /**
     * Fills in defaults: type {@link #OUTPUT_TEXT}, empty text, no annotations.
     *
     * @param type the part type, or {@code null}
     * @param text the text, or {@code null}
     * @param annotations the citations, or {@code null}
     */
    public AssistantContent {
        type = type == null ? OUTPUT_TEXT : type;
        text = text == null ? "" : text;
        annotations = annotations == null ? List.of() : List.copyOf(annotations);
    }

    /**
     * An {@code output_text} part.
     *
     * @param text the text
     * @param annotations the citations, or {@code null}
     * @return the part
     */
    public static AssistantContent of(String text, List<Annotation> annotations) {
        return new AssistantContent(OUTPUT_TEXT, text, annotations);
    }
}

package com.landki.interview.chatkit.server.types;

import java.util.List;

/** One {@code output_text} part of an assistant message: its text and the annotations (citations) on it. */
public record AssistantContent(String type, String text, List<Annotation> annotations) {

    public static final String OUTPUT_TEXT = "output_text";

    public AssistantContent {
        type = type == null ? OUTPUT_TEXT : type;
        text = text == null ? "" : text;
        annotations = annotations == null ? List.of() : List.copyOf(annotations);
    }

    /** An {@code output_text} part. */
    public static AssistantContent of(String text, List<Annotation> annotations) {
        return new AssistantContent(OUTPUT_TEXT, text, annotations);
    }
}

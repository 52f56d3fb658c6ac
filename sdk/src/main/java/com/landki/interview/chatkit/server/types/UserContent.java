package com.landki.interview.chatkit.server.types;

import java.util.Map;

/**
 * One part of a user message: {@code input_text} (just {@code text}) or {@code input_tag} (an entity tag with
 * {@code id}, {@code text}, {@code data}, optional {@code group} and {@code interactive}).
 */
public record UserContent(String type, String text, String id, Map<String, Object> data, String group,
                          Boolean interactive) {

    /** {@code type} of a text part. */
    public static final String INPUT_TEXT = "input_text";
    /** {@code type} of a tag part (an entity the user mentioned). */
    public static final String INPUT_TAG = "input_tag";

    /**
     * A plain text part.
     *
     * @param text the text
     * @return the part
     */
    public static UserContent text(String text) {
        return new UserContent(INPUT_TEXT, text, null, null, null, null);
    }
}

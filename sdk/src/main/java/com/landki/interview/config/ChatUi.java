package com.landki.interview.config;

import java.util.Locale;

/** Which chat user interface the page shows ({@code CHATKIT_UI}); the page reads it from {@code /config} as {@code ui}. */
public enum ChatUi {
    /**
     * OpenAI's ChatKit component when its script loads within a few seconds, else the built-in chat (only the
     * {@code server} backend can use the built-in chat; the {@code hosted} one then explains the failure).
     */
    AUTO,
    /** The built-in chat only: the page never loads OpenAI's script and requests nothing from another origin. */
    BUILTIN,
    /** OpenAI's ChatKit component only, loaded from its CDN. */
    CHATKIT;

    /**
     * The configured word: {@code auto}, {@code builtin} or {@code chatkit}.
     *
     * @return the word
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * {@code auto}, {@code builtin} or {@code chatkit}, in any case.
     *
     * @param value the word
     * @return the UI
     * @throws IllegalArgumentException for any other word
     */
    public static ChatUi parse(String value) {
        String word = value.strip().toLowerCase(Locale.ROOT);
        for (ChatUi ui : values()) {
            if (ui.id().equals(word)) {
                return ui;
            }
        }
        throw new IllegalArgumentException("must be auto, builtin or chatkit");
    }
}

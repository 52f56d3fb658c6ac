package com.landki.interview.chatkit.server.types;

import java.util.Objects;

/**
 * The answer to {@code input.transcribe} (chatkit-python's {@code TranscriptionResult}): the text ChatKit puts
 * into the composer. Serializes as {@code {"text": …}}. Immutable.
 *
 * @param text the transcribed text; may be empty (silence)
 */
public record TranscriptionResult(String text) {

    /**
     * Checks the text is set.
     *
     * @param text the transcribed text
     * @throws NullPointerException {@code text} is null
     */
    public TranscriptionResult {
        Objects.requireNonNull(text, "text");
    }
}

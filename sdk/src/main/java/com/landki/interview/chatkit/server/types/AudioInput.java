package com.landki.interview.chatkit.server.types;

import java.util.Locale;
import java.util.Objects;

/**
 * Dictated audio to transcribe, as {@code input.transcribe} carries it (chatkit-python's {@code AudioInput}): the
 * decoded bytes and the raw MIME type the browser recorded, e.g. {@code audio/webm;codecs=opus}. Immutable.
 *
 * @param data     the audio bytes
 * @param mimeType the raw MIME type, parameters included
 */
public record AudioInput(byte[] data, String mimeType) {

    /**
     * Copies {@code data}, so later changes to the caller's array do not reach this value.
     *
     * @param data     the audio bytes
     * @param mimeType the raw MIME type, parameters included
     * @throws NullPointerException {@code data} or {@code mimeType} is null
     */
    public AudioInput {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(mimeType, "mimeType");
        data = data.clone();
    }

    /**
     * The bytes.
     *
     * @return a copy of the audio bytes
     */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /**
     * The media type without parameters, lower-case: {@code audio/webm;codecs=opus} gives {@code audio/webm}.
     *
     * @return the media type
     */
    public String mediaType() {
        return mimeType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }
}

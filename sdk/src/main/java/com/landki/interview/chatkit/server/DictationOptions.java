package com.landki.interview.chatkit.server;

import com.landki.interview.config.ConfigSource;
import com.landki.interview.config.Settings;
import java.util.List;

/**
 * The rules for dictated audio ({@code input.transcribe}): the largest recording (decoded bytes) and the audio
 * types accepted (checked against the bytes too, as for attachments). Immutable.
 */
public final class DictationOptions {

    /** 5 MiB ({@code CHATKIT_DICTATION_MAX_BYTES}): about 20 minutes of Opus speech at 32 kbit/s. */
    public static final long DEFAULT_MAX_BYTES = Settings.CHATKIT_DICTATION_MAX_BYTES.defaultValue();
    /** WebM, Ogg, MP4, MPEG and WAV audio ({@code CHATKIT_DICTATION_TYPES}). */
    public static final List<String> DEFAULT_TYPES = Settings.CHATKIT_DICTATION_TYPES.defaultValue();

    private final long maxBytes;
    private final List<String> allowedTypes;

    private DictationOptions(long maxBytes, List<String> allowedTypes) {
        this.maxBytes = maxBytes;
        this.allowedTypes = allowedTypes;
    }

    /**
     * The defaults: {@link #DEFAULT_MAX_BYTES} and {@link #DEFAULT_TYPES}.
     *
     * @return the default rules
     */
    public static DictationOptions defaults() {
        return of(DEFAULT_MAX_BYTES, DEFAULT_TYPES);
    }

    /**
     * Rules of one's own.
     *
     * @param maxBytes     the largest recording in bytes, at least 1
     * @param allowedTypes audio media types such as {@code audio/webm}; parameters are dropped
     * @return the rules
     * @throws IllegalArgumentException {@code maxBytes} is less than 1 or {@code allowedTypes} is empty
     */
    public static DictationOptions of(long maxBytes, List<String> allowedTypes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        if (allowedTypes.isEmpty()) {
            throw new IllegalArgumentException("allowedTypes must name at least one type");
        }
        return new DictationOptions(maxBytes,
                allowedTypes.stream().map(AttachmentOptions::mediaType).distinct().toList());
    }

    /**
     * The rules of {@code CHATKIT_DICTATION_MAX_BYTES} and {@code CHATKIT_DICTATION_TYPES}.
     *
     * @param source where the settings are read
     * @return the rules, or {@code null} when {@code CHATKIT_DICTATION=false}
     * @throws IllegalStateException a setting is invalid (the message names it)
     */
    public static DictationOptions from(ConfigSource source) {
        if (!Settings.CHATKIT_DICTATION.read(source)) {
            return null;
        }
        long max = Settings.CHATKIT_DICTATION_MAX_BYTES.read(source);
        List<String> types = Settings.CHATKIT_DICTATION_TYPES.read(source);
        if (max < 1) {
            throw new IllegalStateException("CHATKIT_DICTATION_MAX_BYTES must be at least 1 byte");
        }
        if (types.isEmpty()) {
            throw new IllegalStateException("CHATKIT_DICTATION_TYPES must name at least one type");
        }
        return of(max, types);
    }

    /**
     * The largest recording accepted.
     *
     * @return the limit in decoded bytes
     */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * The accepted audio types.
     *
     * @return lower-case media types without parameters; never empty
     */
    public List<String> allowedTypes() {
        return allowedTypes;
    }

    /**
     * The largest {@code input.transcribe} request body these rules can need: the base64 text of the largest
     * recording plus room for the JSON around it.
     *
     * @return bytes
     */
    public long maxRequestBytes() {
        return (maxBytes + 2) / 3 * 4 + 4096;
    }
}

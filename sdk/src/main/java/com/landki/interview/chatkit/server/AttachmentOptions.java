package com.landki.interview.chatkit.server;

import com.landki.interview.config.ConfigSource;
import com.landki.interview.config.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The rules for attachments: the largest file, the MIME types accepted (checked against the bytes too, see
 * {@code docs/chatkit-server.md}), and how long an attachment that no message carries is kept. Immutable.
 */
public final class AttachmentOptions {

    /** 10 MiB ({@code CHATKIT_ATTACHMENT_MAX_BYTES}). */
    public static final long DEFAULT_MAX_BYTES = Settings.CHATKIT_ATTACHMENT_MAX_BYTES.defaultValue();
    /** PDF, plain text, Markdown, PNG, JPEG, WebP ({@code CHATKIT_ATTACHMENT_TYPES}). */
    public static final List<String> DEFAULT_TYPES = Settings.CHATKIT_ATTACHMENT_TYPES.defaultValue();
    /** 24 hours ({@code CHATKIT_ATTACHMENT_UNUSED_HOURS}). */
    public static final Duration DEFAULT_UNUSED_AFTER =
            Duration.ofHours(Settings.CHATKIT_ATTACHMENT_UNUSED_HOURS.defaultValue());
    /** Attachments one message may carry. */
    public static final int MAX_PER_MESSAGE = 10;

    private final long maxBytes;
    private final List<String> allowedTypes;
    private final Duration unusedAfter;

    private AttachmentOptions(Builder b) {
        this.maxBytes = b.maxBytes;
        this.allowedTypes = b.allowedTypes;
        this.unusedAfter = b.unusedAfter;
    }

    /**
     * The defaults: 10 MiB, {@link #DEFAULT_TYPES}, unused ones kept 24 hours.
     *
     * @return the default rules
     */
    public static AttachmentOptions defaults() {
        return builder().build();
    }

    /**
     * The rules of {@code CHATKIT_ATTACHMENT_MAX_BYTES}, {@code CHATKIT_ATTACHMENT_TYPES} and
     * {@code CHATKIT_ATTACHMENT_UNUSED_HOURS}.
     *
     * @param source where the settings are read
     * @return the rules the settings describe
     * @throws IllegalStateException a setting is invalid (the message names it)
     */
    public static AttachmentOptions from(ConfigSource source) {
        Builder builder = builder();
        try {
            builder.maxBytes(Settings.CHATKIT_ATTACHMENT_MAX_BYTES.read(source));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("CHATKIT_ATTACHMENT_MAX_BYTES must be at least 1 byte", e);
        }
        List<String> types = Settings.CHATKIT_ATTACHMENT_TYPES.read(source);
        if (types.isEmpty()) {
            throw new IllegalStateException("CHATKIT_ATTACHMENT_TYPES must name at least one type");
        }
        return builder.allowedTypes(types)
                .unusedAfter(Duration.ofHours(Settings.CHATKIT_ATTACHMENT_UNUSED_HOURS.read(source))).build();
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The largest file accepted.
     *
     * @return the limit in bytes, at least 1
     */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * The accepted MIME types.
     *
     * @return lower-case media types without parameters, e.g. {@code application/pdf}; never empty
     */
    public List<String> allowedTypes() {
        return allowedTypes;
    }

    /**
     * How long an attachment that no message carries is kept before a sweep erases it.
     *
     * @return a positive duration
     */
    public Duration unusedAfter() {
        return unusedAfter;
    }

    /** {@code mimeType} without parameters, trimmed and lower-case ({@code Text/Plain; charset=utf-8} → {@code text/plain}). */
    static String mediaType(String mimeType) {
        return mimeType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    /** Builds {@link AttachmentOptions}. Not thread-safe. */
    public static final class Builder {
        private long maxBytes = DEFAULT_MAX_BYTES;
        private List<String> allowedTypes = DEFAULT_TYPES;
        private Duration unusedAfter = DEFAULT_UNUSED_AFTER;

        private Builder() {
        }

        /**
         * The largest file ({@code CHATKIT_ATTACHMENT_MAX_BYTES}).
         *
         * @param maxBytes the limit in bytes
         * @return this builder
         * @throws IllegalArgumentException {@code maxBytes} is less than 1
         */
        public Builder maxBytes(long maxBytes) {
            if (maxBytes < 1) {
                throw new IllegalArgumentException("maxBytes must be positive");
            }
            this.maxBytes = maxBytes;
            return this;
        }

        /**
         * The accepted MIME types ({@code CHATKIT_ATTACHMENT_TYPES}); parameters are dropped.
         *
         * @param types media types such as {@code image/png}
         * @return this builder
         * @throws IllegalArgumentException {@code types} is empty
         */
        public Builder allowedTypes(List<String> types) {
            if (types.isEmpty()) {
                throw new IllegalArgumentException("allowedTypes must name at least one type");
            }
            this.allowedTypes = types.stream().map(AttachmentOptions::mediaType).distinct().toList();
            return this;
        }

        /**
         * How long an attachment no message carries is kept ({@code CHATKIT_ATTACHMENT_UNUSED_HOURS}).
         *
         * @param unusedAfter a positive duration
         * @return this builder
         * @throws IllegalArgumentException {@code unusedAfter} is zero or negative
         */
        public Builder unusedAfter(Duration unusedAfter) {
            if (unusedAfter.isNegative() || unusedAfter.isZero()) {
                throw new IllegalArgumentException("unusedAfter must be positive");
            }
            this.unusedAfter = Objects.requireNonNull(unusedAfter);
            return this;
        }

        /**
         * The rules set so far.
         *
         * @return an immutable {@link AttachmentOptions}
         */
        public AttachmentOptions build() {
            return new AttachmentOptions(this);
        }
    }
}

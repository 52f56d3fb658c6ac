package com.landki.interview.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads an instant as ISO-8601 ({@code 2026-11-26T03:20:47.123Z}), a date-time with offset, a local date-time
 * (taken as UTC, as older files and Python's naive times have them) or epoch seconds (with fraction), without
 * needing jackson-datatype-jsr310. The one way the SDK reads times from JSON ({@link JsonMappers} registers it
 * for every {@link Instant}). Stateless and thread-safe.
 */
public final class IsoInstantDeserializer extends StdScalarDeserializer<Instant> {

    private static final long serialVersionUID = 1L;

    public IsoInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            return Instant.ofEpochSecond(p.getLongValue());
        }
        if (p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
            return ofEpochSeconds(p.getDoubleValue());
        }
        String text = p.getValueAsString();
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant");
        }
    }

    /** Epoch seconds with fraction, to the millisecond. */
    public static Instant ofEpochSeconds(double seconds) {
        return Instant.ofEpochMilli(Math.round(seconds * 1000));
    }

    /**
     * {@code text} as an instant: ISO-8601 with zone or offset, or a local date-time (with {@code T} or a space)
     * taken as UTC.
     *
     * @throws IllegalArgumentException it is none of these
     */
    public static Instant parse(String text) {
        String t = text.trim();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not an ISO-8601 time: " + text, e);
            }
        }
    }
}

package com.landki.interview.store.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.landki.interview.internal.JsonMappers;
import java.io.IOException;

/** The stores' shared Jackson mapper and a line codec per entry type. Thread-safe. */
public final class Json {

    /** {@link JsonMappers#json()}; the entries' records carry their wire names and inclusion. */
    public static final ObjectMapper MAPPER = JsonMappers.json();

    private Json() {
    }

    /** Encodes values of {@code type} as one compact JSON object (no line breaks: JSON escapes them). */
    public static <T> JsonlLog.Codec<T> codec(Class<T> type) {
        ObjectWriter writer = MAPPER.writerFor(type);
        ObjectReader reader = MAPPER.readerFor(type);
        return new JsonlLog.Codec<>() {
            @Override
            public byte[] encode(T value) {
                try {
                    return writer.writeValueAsBytes(value);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("cannot encode " + type.getSimpleName() + ": " + e, e);
                }
            }

            @Override
            public T decode(byte[] buf, int off, int len) throws IOException {
                return reader.readValue(buf, off, len);
            }
        };
    }

    /** The JSON string literal of {@code s}, quotes included, as it appears in an encoded line. */
    public static byte[] literal(String s) {
        try {
            return MAPPER.writeValueAsBytes(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.landki.interview.chatkit.server.types.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.landki.interview.chatkit.server.types.AssistantMessageItem;
import com.landki.interview.chatkit.server.types.ClientToolCallItem;
import com.landki.interview.chatkit.server.types.HiddenContextItem;
import com.landki.interview.chatkit.server.types.RawItem;
import com.landki.interview.chatkit.server.types.ThreadItem;
import com.landki.interview.chatkit.server.types.UserMessageItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The one JSON mapping of the protocol: snake_case names, nulls left out (as the reference server does),
 * unknown fields ignored, times as ISO-8601 strings, thread items dispatched on {@code type} with unknown
 * types kept as {@link RawItem}. Thread-safe.
 */
public final class ProtocolJson {

    private static final ObjectMapper MAPPER = create();

    private ProtocolJson() {
    }

    /** The shared mapper; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** {@code value} as compact UTF-8 JSON. */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    /** {@code value} as a JSON string. */
    public static String writeString(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    /** Parses a thread item (any type). */
    public static ThreadItem readItem(JsonNode node) {
        try {
            return MAPPER.treeToValue(node, ThreadItem.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectMapper create() {
        SimpleModule module = new SimpleModule("chatkit-protocol");
        module.addSerializer(Instant.class, new InstantSerializer());
        module.addDeserializer(Instant.class, new InstantDeserializer());
        module.addDeserializer(ThreadItem.class, new ThreadItemDeserializer());
        ObjectMapper mapper = new ObjectMapper();
        mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        mapper.setSerializationInclusion(JsonInclude.Include.NON_NULL);
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        mapper.registerModule(module);
        return mapper;
    }

    private static final class InstantSerializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(value.toString());
        }
    }

    /** Accepts {@code 2026-11-26T03:20:46Z}, offsets, naive times (taken as UTC, as Python writes them) and epoch seconds. */
    private static final class InstantDeserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken().isNumeric()) {
                return Instant.ofEpochMilli(Math.round(p.getDoubleValue() * 1000));
            }
            return parseInstant(p.getValueAsString());
        }
    }

    static Instant parseInstant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not an ISO-8601 time: " + text, e);
            }
        }
    }

    private static final class ThreadItemDeserializer extends JsonDeserializer<ThreadItem> {
        @Override
        public ThreadItem deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = p.getCodec().readTree(p);
            if (!(node instanceof ObjectNode object)) {
                throw ctxt.weirdStringException(node.toString(), ThreadItem.class, "a thread item must be an object");
            }
            String type = object.path("type").asText("");
            Class<? extends ThreadItem> target = switch (type) {
                case ThreadItem.USER_MESSAGE -> UserMessageItem.class;
                case ThreadItem.ASSISTANT_MESSAGE -> AssistantMessageItem.class;
                case ThreadItem.CLIENT_TOOL_CALL -> ClientToolCallItem.class;
                case ThreadItem.SDK_HIDDEN_CONTEXT -> object.path("content").isTextual() ? HiddenContextItem.class : null;
                default -> null;
            };
            if (target != null) {
                return p.getCodec().treeToValue(object, target);
            }
            JsonNode created = object.get("created_at");
            Instant createdAt = created == null || created.isNull() ? Instant.EPOCH
                    : created.isNumber() ? Instant.ofEpochMilli(Math.round(created.asDouble() * 1000))
                    : parseInstant(created.asText());
            return new RawItem(object.path("id").asText(null), object.path("thread_id").asText(null), createdAt,
                    type, object.deepCopy());
        }
    }
}

package com.landki.interview.chatkit.server.types.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.landki.interview.chatkit.server.types.AssistantMessageItem;
import com.landki.interview.chatkit.server.types.ClientToolCallItem;
import com.landki.interview.chatkit.server.types.HiddenContextItem;
import com.landki.interview.chatkit.server.types.RawItem;
import com.landki.interview.chatkit.server.types.StructuredInputItem;
import com.landki.interview.chatkit.server.types.ThreadItem;
import com.landki.interview.chatkit.server.types.UserMessageItem;
import com.landki.interview.chatkit.server.types.WidgetItem;
import com.landki.interview.chatkit.server.widgets.Badge;
import com.landki.interview.chatkit.server.widgets.Button;
import com.landki.interview.chatkit.server.widgets.Caption;
import com.landki.interview.chatkit.server.widgets.Card;
import com.landki.interview.chatkit.server.widgets.Col;
import com.landki.interview.chatkit.server.widgets.Divider;
import com.landki.interview.chatkit.server.widgets.Icon;
import com.landki.interview.chatkit.server.widgets.ListView;
import com.landki.interview.chatkit.server.widgets.ListViewItem;
import com.landki.interview.chatkit.server.widgets.Markdown;
import com.landki.interview.chatkit.server.widgets.Row;
import com.landki.interview.chatkit.server.widgets.Spacer;
import com.landki.interview.chatkit.server.widgets.Text;
import com.landki.interview.chatkit.server.widgets.Title;
import com.landki.interview.chatkit.server.widgets.WidgetComponent;
import com.landki.interview.chatkit.server.widgets.WidgetRoot;
import com.landki.interview.internal.IsoInstantDeserializer;
import com.landki.interview.internal.JsonMappers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The JSON mapping of the protocol: the SDK's one policy ({@link JsonMappers}: snake_case names, nulls left out
 * as the reference server does, unknown fields ignored, times as ISO-8601 strings; requests read strictly by
 * {@link #requestMapper()}) plus thread items
 * dispatched on {@code type}, with unknown types kept as {@link RawItem}, and widget components dispatched on
 * their {@code type} (a widget item with a component this SDK does not model is kept as a {@link RawItem}).
 * Thread-safe.
 */
public final class ProtocolJson {

    private static final ObjectMapper MAPPER = JsonMappers.json(module());
    private static final ObjectMapper REQUEST_MAPPER = JsonMappers.request(module());

    private ProtocolJson() {
    }

    /** The shared mapper (for what this server writes and stores); do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * The mapper of protocol requests: the same mapping, read strictly ({@link JsonMappers#request(
     * com.fasterxml.jackson.databind.Module...)}: no trailing tokens, no duplicate keys, no coercion).
     */
    public static ObjectMapper requestMapper() {
        return REQUEST_MAPPER;
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

    private static SimpleModule module() {
        SimpleModule module = new SimpleModule("chatkit-protocol");
        module.addDeserializer(ThreadItem.class, new ThreadItemDeserializer());
        module.addDeserializer(WidgetComponent.class, new WidgetDeserializer<>(WidgetComponent.class));
        module.addDeserializer(WidgetRoot.class, new WidgetDeserializer<>(WidgetRoot.class));
        return module;
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
                case ThreadItem.WIDGET -> WidgetItem.class;
                case ThreadItem.STRUCTURED_INPUT -> StructuredInputItem.class;
                default -> null;
            };
            if (target == WidgetItem.class) {
                try {
                    return p.getCodec().treeToValue(object, WidgetItem.class);
                } catch (JsonProcessingException | RuntimeException e) {
                    target = null; // a component we do not model: kept exactly, as a raw item
                }
            } else if (target != null) {
                return p.getCodec().treeToValue(object, target);
            }
            JsonNode created = object.get("created_at");
            Instant createdAt = created == null || created.isNull() ? Instant.EPOCH
                    : created.isNumber() ? IsoInstantDeserializer.ofEpochSeconds(created.asDouble())
                    : IsoInstantDeserializer.parse(created.asText());
            return new RawItem(object.path("id").asText(null), object.path("thread_id").asText(null), createdAt,
                    type, object.deepCopy());
        }
    }

    /** The widget component class of a JSON {@code type}, or null for one this SDK does not model. */
    static Class<? extends WidgetComponent> widgetClass(String type) {
        return switch (type) {
            case Card.TYPE -> Card.class;
            case ListView.TYPE -> ListView.class;
            case ListViewItem.TYPE -> ListViewItem.class;
            case Text.TYPE -> Text.class;
            case Title.TYPE -> Title.class;
            case Caption.TYPE -> Caption.class;
            case Markdown.TYPE -> Markdown.class;
            case Button.TYPE -> Button.class;
            case Badge.TYPE -> Badge.class;
            case Icon.TYPE -> Icon.class;
            case Row.TYPE -> Row.class;
            case Col.TYPE -> Col.class;
            case Divider.TYPE -> Divider.class;
            case Spacer.TYPE -> Spacer.class;
            default -> null;
        };
    }

    /** A widget component (or root) by its {@code type}; an unknown type, or a root that is none, fails. */
    private static final class WidgetDeserializer<T extends WidgetComponent> extends JsonDeserializer<T> {
        private final Class<T> expected;

        WidgetDeserializer(Class<T> expected) {
            this.expected = expected;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = p.getCodec().readTree(p);
            String type = node.path("type").asText("");
            Class<? extends WidgetComponent> target = widgetClass(type);
            if (target == null || !expected.isAssignableFrom(target)) {
                throw ctxt.weirdStringException(type, expected, "not a widget component this SDK models");
            }
            return expected.cast(p.getCodec().treeToValue(node, target));
        }
    }
}

package com.landki.interview.chatkit.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.chatkit.server.types.ChatKitException;
import com.landki.interview.chatkit.server.types.internal.ProtocolJson;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Map;

/**
 * Reads a protocol request and its {@code params}: each accessor checks one field and throws a
 * {@link ChatKitException} naming it when the field is missing or has the wrong type. Nothing is coerced (a
 * number is no string, {@code 2.5} no integer); an absent field gets its default, JSON {@code null} only where
 * chatkit-python's types allow {@code None}.
 */
final class RequestParams {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private RequestParams() {
    }

    /** The request body as a JSON object, read strictly ({@link ProtocolJson#requestMapper()}). */
    static ObjectNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new ChatKitException(ChatKitException.INVALID_JSON, 400, "the request body is empty");
        }
        JsonNode node;
        try {
            node = ProtocolJson.requestMapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new ChatKitException(ChatKitException.INVALID_JSON, 400, "the request is not valid JSON: "
                    + shorten(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ChatKitException(ChatKitException.INVALID_JSON, 400, "the request is not valid JSON");
        }
        if (!(node instanceof ObjectNode object)) {
            throw new ChatKitException(ChatKitException.INVALID_JSON, 400, "the request must be a JSON object");
        }
        return object;
    }

    /** The request's {@code type}: a string, required. */
    static String type(JsonNode request) {
        JsonNode value = request.get("type");
        if (value == null) {
            throw ChatKitException.validation("type", "is required");
        }
        if (!value.isTextual()) {
            throw ChatKitException.validation("type", "must be a string, not " + kind(value));
        }
        return value.textValue();
    }

    /** The object {@code field} of the request ({@code params}, {@code metadata}); absent: an empty object. */
    static JsonNode object(JsonNode request, String field) {
        return object(request, field, field);
    }

    /** The object {@code field} of {@code parent}, {@code name} naming it; absent: an empty object. */
    static JsonNode object(JsonNode parent, String field, String name) {
        JsonNode value = parent.get(field);
        if (value == null) {
            return ProtocolJson.requestMapper().createObjectNode();
        }
        if (!value.isObject()) {
            throw ChatKitException.validation(name, "must be an object, not " + kind(value));
        }
        return value;
    }

    /** The request's {@code metadata} as a map; absent: empty; anything but an object is refused. */
    static Map<String, Object> metadata(JsonNode request) {
        return map(object(request, "metadata"));
    }

    /** A JSON object as a map. */
    static Map<String, Object> map(JsonNode object) {
        return ProtocolJson.requestMapper().convertValue(object, MAP);
    }

    /** A required, non-blank string field of {@code params}. */
    static String text(JsonNode params, String field) {
        String value = string(params, field);
        if (value.isBlank()) {
            throw ChatKitException.validation("params." + field, "is required");
        }
        return value;
    }

    /** A required string field of {@code params}; empty is allowed (chatkit-python's {@code str}). */
    static String string(JsonNode params, String field) {
        JsonNode value = params.get(field);
        if (value == null || value.isNull()) {
            throw ChatKitException.validation("params." + field, "is required");
        }
        if (!value.isTextual()) {
            throw ChatKitException.validation("params." + field, "must be a string, not " + kind(value));
        }
        return value.textValue();
    }

    /** A value from the request as an error message may quote it: at most 80 characters. */
    static String shorten(String value) {
        return value.length() <= 80 ? value : value.substring(0, 80) + "…";
    }

    /** An optional string field of {@code params}, or null when absent or JSON null. */
    static String optionalText(JsonNode params, String field) {
        return optionalText(params, field, "params." + field);
    }

    /** An optional string field of {@code parent}, or null when absent or JSON null; {@code name} names it. */
    static String optionalText(JsonNode parent, String field, String name) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ChatKitException.validation(name, "must be a string, not " + kind(value));
        }
        return value.textValue();
    }

    /**
     * {@code limit}, an integer: absent, null or 0 gives {@link ChatKitServer#DEFAULT_PAGE_SIZE} (chatkit-python's
     * {@code limit or DEFAULT_PAGE_SIZE}); more than {@link ChatKitServer#MAX_PAGE_SIZE} is served as that many;
     * a negative one is refused.
     */
    static int limit(JsonNode params) {
        JsonNode value = params.get("limit");
        if (value == null || value.isNull()) {
            return ChatKitServer.DEFAULT_PAGE_SIZE;
        }
        if (!value.isIntegralNumber()) {
            throw ChatKitException.validation("params.limit", "must be an integer, not " + kind(value));
        }
        BigInteger limit = value.bigIntegerValue();
        if (limit.signum() < 0) {
            throw ChatKitException.validation("params.limit", "must not be negative");
        }
        return limit.signum() == 0 ? ChatKitServer.DEFAULT_PAGE_SIZE
                : limit.min(BigInteger.valueOf(ChatKitServer.MAX_PAGE_SIZE)).intValue();
    }

    /** {@code order}: asc or desc, desc if absent. */
    static String order(JsonNode params) {
        JsonNode value = params.get("order");
        if (value == null) {
            return ThreadStore.DESC;
        }
        if (!value.isTextual() || !(ThreadStore.DESC.equals(value.textValue())
                || ThreadStore.ASC.equals(value.textValue()))) {
            throw ChatKitException.validation("params.order", "must be \"asc\" or \"desc\"");
        }
        return value.textValue();
    }

    /** The array {@code field} of {@code params}, every element a string; required, may be empty. */
    static JsonNode strings(JsonNode params, String field) {
        JsonNode value = params.get(field);
        if (value == null || !value.isArray()) {
            throw ChatKitException.validation("params." + field, value == null ? "is required"
                    : "must be an array of strings, not " + kind(value));
        }
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                throw ChatKitException.validation("params." + field + "[" + i + "]",
                        "must be a string, not " + kind(value.get(i)));
            }
        }
        return value;
    }

    /** {@code node} as a {@code type}, read strictly; {@code field} and the path inside it name a wrong field. */
    static <T> T convert(JsonNode node, Class<T> type, String field) {
        try {
            return ProtocolJson.requestMapper().treeToValue(node, type);
        } catch (JsonMappingException e) {
            throw ChatKitException.validation(field + path(e), "has the wrong type");
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw ChatKitException.validation(field, "has the wrong shape");
        }
    }

    /** What a JSON value is, as an error message names it. */
    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "nothing";
        };
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append('.').append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}

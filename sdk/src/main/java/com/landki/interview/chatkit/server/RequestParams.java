package com.landki.interview.chatkit.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.chatkit.server.types.ChatKitException;
import com.landki.interview.chatkit.server.types.internal.ProtocolJson;
import java.io.IOException;
import java.util.Map;

/**
 * Reads a protocol request and its {@code params}: each accessor checks one field and throws a
 * {@link ChatKitException} naming it when the field is missing or has the wrong shape.
 */
final class RequestParams {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private RequestParams() {
    }

    /** The request body as a JSON object. */
    static ObjectNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new ChatKitException(ChatKitException.INVALID_JSON, 400, "the request body is empty");
        }
        try {
            JsonNode node = ProtocolJson.mapper().readTree(body);
            if (!(node instanceof ObjectNode object)) {
                throw new ChatKitException(ChatKitException.INVALID_JSON, 400, "the request must be a JSON object");
            }
            return object;
        } catch (IOException e) {
            throw new ChatKitException(ChatKitException.INVALID_JSON, 400, "the request is not valid JSON");
        }
    }

    /** A JSON object as a map; anything else as an empty map. */
    static Map<String, Object> map(JsonNode node) {
        return node != null && node.isObject() ? ProtocolJson.mapper().convertValue(node, MAP) : Map.of();
    }

    /** A required, non-blank string field. */
    static String text(JsonNode params, String field) {
        JsonNode value = params.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw ChatKitException.validation("params." + field, "is required");
        }
        return value.asText();
    }

    /** A value from the request as an error message may quote it: at most 80 characters. */
    static String shorten(String value) {
        return value.length() <= 80 ? value : value.substring(0, 80) + "…";
    }

    /** An optional field as text, or null. */
    static String optionalText(JsonNode params, String field) {
        JsonNode value = params.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** {@code limit}: 1 to {@link ChatKitServer#MAX_PAGE_SIZE}, {@link ChatKitServer#DEFAULT_PAGE_SIZE} if absent. */
    static int limit(JsonNode params) {
        JsonNode value = params.get("limit");
        if (value == null || value.isNull()) {
            return ChatKitServer.DEFAULT_PAGE_SIZE;
        }
        if (!value.canConvertToInt() || value.asInt() < 1 || value.asInt() > ChatKitServer.MAX_PAGE_SIZE) {
            throw ChatKitException.validation("params.limit", "must be between 1 and " + ChatKitServer.MAX_PAGE_SIZE);
        }
        return value.asInt();
    }

    /** {@code order}: asc or desc, desc if absent. */
    static String order(JsonNode params) {
        String order = params.path("order").asText(ThreadStore.DESC);
        if (!ThreadStore.DESC.equals(order) && !ThreadStore.ASC.equals(order)) {
            throw ChatKitException.validation("params.order", "must be \"asc\" or \"desc\"");
        }
        return order;
    }

    /** {@code node} as a {@code type}; {@code field} names it in the error. */
    static <T> T convert(JsonNode node, Class<T> type, String field) {
        try {
            return ProtocolJson.mapper().treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw ChatKitException.validation(field, "has the wrong shape");
        }
    }
}

package com.landki.interview.servlet.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.landki.interview.internal.JsonMappers;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON parsing and field checks for request bodies. Thread-safe (one shared mapper). */
public final class Json {

    /** The SDK's one Jackson policy ({@link JsonMappers#json()}). */
    public static final ObjectMapper MAPPER = JsonMappers.json();

    private Json() {
    }

    /**
     * Parses a request body that must be one JSON object, strictly ({@link JsonMappers#request()}: nothing after
     * the object, no key twice); an empty body gives an empty object.
     */
    public static ObjectNode parseObject(byte[] body) {
        if (body.length == 0) {
            return MAPPER.createObjectNode();
        }
        JsonNode node;
        try {
            node = JsonMappers.request().readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "invalid_json", "request body is not valid JSON: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ApiException(400, "invalid_json", "request body could not be read");
        }
        if (node == null || node.isMissingNode()) {
            return MAPPER.createObjectNode();
        }
        if (!node.isObject()) {
            throw ApiException.validation("body", "must be a JSON object, not " + kind(node));
        }
        return (ObjectNode) node;
    }

    /** A string field, or {@code null} when absent or JSON null; any other type is a validation failure. */
    public static String optString(ObjectNode body, String field, int maxLength) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.validation(field, "must be a string, not " + kind(node));
        }
        String value = node.textValue();
        if (value.length() > maxLength) {
            throw ApiException.validation(field, "must be at most " + maxLength + " characters");
        }
        return value;
    }

    public static String requireString(ObjectNode body, String field, int maxLength) {
        String value = optString(body, field, maxLength);
        if (value == null || value.isBlank()) {
            throw ApiException.validation(field, "is required");
        }
        return value;
    }

    /** An integer field in {@code min..max}, or {@code null} when absent. */
    public static Integer optInt(ObjectNode body, String field, int min, int max) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw ApiException.validation(field, "must be an integer " + min + ".." + max + ", not " + kind(node));
        }
        int value = node.intValue();
        if (value < min || value > max) {
            throw ApiException.validation(field, "must be " + min + ".." + max + ", was " + value);
        }
        return value;
    }

    public static Map<String, Object> errorBody(String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        return Map.of("error", error);
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize response body", e);
        }
    }

    private static String kind(JsonNode node) {
        if (node.isArray()) {
            return "an array";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isNull()) {
            return "null";
        }
        return "an object";
    }
}

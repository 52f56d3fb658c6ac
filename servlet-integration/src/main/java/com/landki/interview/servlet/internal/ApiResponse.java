package com.landki.interview.servlet.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a handler answers: a status, a body and extra headers. The body is serialized as JSON, unless it is a
 * {@link Raw} body (a download, the metrics text), which writes its own bytes. Immutable.
 */
public record ApiResponse(int status, Object body, Map<String, String> headers) {

    /** Writes a non-JSON body to the response stream. */
    @FunctionalInterface
    public interface BodyWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A body written as it is: its content type, its length ({@code -1}: not known) and the writer of its bytes. */
    public record Raw(String contentType, long length, BodyWriter writer) {
    }

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body, Map.of());
    }

    public static ApiResponse created(Object body) {
        return new ApiResponse(201, body, Map.of());
    }

    /** 200 with a body of {@code contentType} written by {@code writer}. */
    public static ApiResponse raw(String contentType, BodyWriter writer) {
        return new ApiResponse(200, new Raw(contentType, -1, writer), Map.of());
    }

    /** 200 with {@code bytes} of {@code contentType}. */
    public static ApiResponse bytes(String contentType, byte[] bytes) {
        return new ApiResponse(200, new Raw(contentType, bytes.length, out -> out.write(bytes)), Map.of());
    }

    /** 200 with a JSON body already serialized. */
    public static ApiResponse json(byte[] json) {
        return bytes("application/json;charset=utf-8", json);
    }

    /** 204 without a body. */
    public static ApiResponse noContent() {
        return new ApiResponse(204, null, Map.of());
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(status, body, copy);
    }
}

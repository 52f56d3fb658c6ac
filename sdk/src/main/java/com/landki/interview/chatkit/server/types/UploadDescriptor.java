package com.landki.interview.chatkit.server.types;

import java.util.Map;
import java.util.Objects;

/**
 * How the client uploads an attachment's bytes in the second phase of a two-phase upload: a
 * {@code multipart/form-data} request with the bytes in the field {@code file}, sent with {@code method} to
 * {@code url} and the given extra {@code headers}. Immutable.
 */
public record UploadDescriptor(String url, String method, Map<String, String> headers) {

    /**
     * Copies {@code headers} (null: none).
     *
     * @param url     where the bytes go
     * @param method  the HTTP method
     * @param headers extra request headers, or null
     * @throws NullPointerException {@code url} or {@code method} is null
     */
    public UploadDescriptor {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(method, "method");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /**
     * A {@code POST} to {@code url} without extra headers.
     *
     * @param url where the bytes go
     * @return the descriptor
     */
    public static UploadDescriptor post(String url) {
        return new UploadDescriptor(url, "POST", Map.of());
    }
}

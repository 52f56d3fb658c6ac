package com.landki.interview.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of an {@link HttpTransport}: status, headers (names in lower case) and the body as text. For a
 * successful {@link HttpTransport#stream} the body went to the receiver and is empty here. Immutable.
 */
public final class TransportResponse {

    private final int status;
    private final Map<String, List<String>> headers;
    private final String body;

    private TransportResponse(int status, Map<String, List<String>> headers, String body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    /**
     * A response.
     *
     * @param status the HTTP status, 100 to 999
     * @param headers the headers; names of any case, merged into lower case in their order; not {@code null}
     * @param body the body decoded as UTF-8; {@code null} counts as empty
     * @return a new immutable response
     */
    public static TransportResponse of(int status, Map<String, ? extends List<String>> headers, String body) {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status must be 100..999, got " + status);
        }
        Objects.requireNonNull(headers, "headers");
        Map<String, List<String>> lower = new LinkedHashMap<>();
        headers.forEach((name, values) -> lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                .addAll(values));
        lower.replaceAll((name, values) -> List.copyOf(values));
        return new TransportResponse(status, Collections.unmodifiableMap(lower), body == null ? "" : body);
    }

    /**
     * The HTTP status.
     *
     * @return e.g. 200 or 429
     */
    public int status() {
        return status;
    }

    /**
     * Whether the status is {@code 2xx}.
     *
     * @return {@code true} for 200 to 299
     */
    public boolean successful() {
        return status >= 200 && status <= 299;
    }

    /**
     * All headers.
     *
     * @return an immutable map from lower-case name to the values in the order received
     */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * The first value of a header.
     *
     * @param name the name in any case
     * @return the value, or empty when the header is absent
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * The body as text.
     *
     * @return the body, empty when there was none or it was streamed
     */
    public String body() {
        return body;
    }

    @Override
    public String toString() {
        return "TransportResponse{" + status + ", " + headers.size() + " headers, body " + body.length() + " chars}";
    }
}

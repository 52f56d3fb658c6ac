package com.landki.interview.http;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request for an {@link HttpTransport}: method, absolute URI, headers (one value per name, names compared
 * without case), an optional body and the longest wait for the response head. Immutable; build one with
 * {@link #builder(String, URI)}.
 */
public final class TransportRequest {

    private final String method;
    private final URI uri;
    private final Map<String, String> headers;
    private final byte[] body;
    private final Duration timeout;

    private TransportRequest(Builder b) {
        this(b.method, b.uri, Collections.unmodifiableMap(new LinkedHashMap<>(b.headers)), b.body, b.timeout);
    }

    private TransportRequest(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout) {
        this.method = method;
        this.uri = uri;
        this.headers = headers;
        this.body = body;
        this.timeout = timeout;
    }

    /**
     * A builder with no headers, no body and a timeout of 60 seconds.
     *
     * @param method the HTTP method, e.g. {@code POST}; not blank
     * @param uri absolute {@code http} or {@code https} URI
     * @return a new builder
     */
    public static Builder builder(String method, URI uri) {
        return new Builder(method, uri);
    }

    /**
     * The HTTP method.
     *
     * @return e.g. {@code POST}
     */
    public String method() {
        return method;
    }

    /**
     * Where the request goes.
     *
     * @return the absolute URI
     */
    public URI uri() {
        return uri;
    }

    /**
     * The headers in the order they were first set, with the spelling of the last {@code header} call.
     *
     * @return an immutable map from name to value
     */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * The body, read-only; {@code null} when the request has none.
     *
     * @return a new read-only buffer over the body's bytes, or {@code null}
     */
    public ByteBuffer body() {
        return body == null ? null : ByteBuffer.wrap(body).asReadOnlyBuffer();
    }

    /**
     * The longest wait for the response's status and headers.
     *
     * @return a positive duration
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * This request with another timeout; the body is shared, not copied (each retry of a large upload sends the
     * same bytes).
     *
     * @param timeout positive
     * @return a new request
     */
    public TransportRequest withTimeout(Duration timeout) {
        return new TransportRequest(method, uri, headers, body, positive(timeout));
    }

    private static Duration positive(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        return timeout;
    }

    @Override
    public String toString() {
        // headers are left out: they carry the API key
        return "TransportRequest{" + method + " " + uri + ", body " + (body == null ? "none" : body.length + " bytes")
                + ", timeout " + timeout + '}';
    }

    /** Builds a {@link TransportRequest}; not thread-safe. */
    public static final class Builder {
        private final String method;
        private final URI uri;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;
        private Duration timeout = Duration.ofSeconds(60);

        private Builder(String method, URI uri) {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(uri, "uri");
            if (method.isBlank()) {
                throw new IllegalArgumentException("method must not be blank");
            }
            if (!uri.isAbsolute() || !("http".equalsIgnoreCase(uri.getScheme())
                    || "https".equalsIgnoreCase(uri.getScheme()))) {
                throw new IllegalArgumentException("uri must be an absolute http(s) URI, got " + uri);
            }
            this.method = method;
            this.uri = uri;
        }

        /**
         * Sets a header, replacing a value set before under the same name in any case.
         *
         * @param name the header name; not blank
         * @param value the value; not {@code null}
         * @return this builder
         */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (name.isBlank()) {
                throw new IllegalArgumentException("header name must not be blank");
            }
            headers.keySet().removeIf(name::equalsIgnoreCase);
            headers.put(name, value);
            return this;
        }

        /**
         * The body; {@code null} for none. The bytes are copied.
         *
         * @param body the encoded body, or {@code null}
         * @return this builder
         */
        public Builder body(byte[] body) {
            this.body = body == null ? null : body.clone();
            return this;
        }

        /**
         * The longest wait for the response head.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = positive(timeout);
            return this;
        }

        /**
         * The request.
         *
         * @return a new immutable request
         */
        public TransportRequest build() {
            return new TransportRequest(this);
        }
    }
}

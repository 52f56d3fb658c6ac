package com.landki.interview.chatkit.server.agent;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the Responses API: base URL, key, optional project and organization, timeouts and retries.
 * Immutable; {@link #toString()} masks the key.
 *
 * @param baseUrl        e.g. {@code https://api.openai.com/v1}
 * @param apiKey         the secret key (never logged)
 * @param projectId      sent as {@code OpenAI-Project} when set
 * @param organizationId sent as {@code OpenAI-Organization} when set
 * @param connectTimeout TCP connect limit
 * @param headerTimeout  limit for the response headers of one attempt (not the stream's length)
 * @param maxAttempts    attempts before the stream starts (1 = no retry); retried on no answer, 408, 409, 429, 5xx
 * @param backoff        wait before the 2nd attempt, doubled after; {@code Retry-After} wins up to {@link #MAX_BACKOFF}
 */
public record UpstreamSettings(URI baseUrl, String apiKey, String projectId, String organizationId,
                               Duration connectTimeout, Duration headerTimeout, int maxAttempts, Duration backoff) {

    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final Duration DEFAULT_BACKOFF = Duration.ofMillis(500);
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    public UpstreamSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        Objects.requireNonNull(backoff, "backoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
    }

    /** Defaults for {@code baseUrl} (null: OpenAI) and {@code apiKey}. */
    public static UpstreamSettings of(String baseUrl, String apiKey) {
        String url = baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : baseUrl.strip();
        return new UpstreamSettings(URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url),
                apiKey, null, null, DEFAULT_CONNECT_TIMEOUT, DEFAULT_HEADER_TIMEOUT, DEFAULT_MAX_ATTEMPTS,
                DEFAULT_BACKOFF);
    }

    /** True when an API key is set. */
    public boolean configured() {
        return apiKey != null && !apiKey.isBlank();
    }

    public UpstreamSettings withProject(String project, String organization) {
        return new UpstreamSettings(baseUrl, apiKey, blankToNull(project), blankToNull(organization), connectTimeout,
                headerTimeout, maxAttempts, backoff);
    }

    public UpstreamSettings withRetries(int attempts, Duration firstBackoff) {
        return new UpstreamSettings(baseUrl, apiKey, projectId, organizationId, connectTimeout, headerTimeout,
                attempts, firstBackoff);
    }

    public UpstreamSettings withTimeouts(Duration connect, Duration headers) {
        return new UpstreamSettings(baseUrl, apiKey, projectId, organizationId, connect, headers, maxAttempts, backoff);
    }

    @Override
    public String toString() {
        return "UpstreamSettings[baseUrl=" + baseUrl + ", apiKey=" + (configured() ? "sk-…" : "unset")
                + ", projectId=" + projectId + ", organizationId=" + organizationId + ", connectTimeout="
                + connectTimeout + ", headerTimeout=" + headerTimeout + ", maxAttempts=" + maxAttempts
                + ", backoff=" + backoff + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package com.landki.interview.chatkit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A ChatKit session as returned by {@code POST /chatkit/sessions} and {@code …/cancel}: the short-lived
 * {@link #clientSecret()} a browser uses, its expiry, and the resolved workflow and ChatKit configuration.
 *
 * <p>{@link #toString()} hides the client secret. The nested records are shared with
 * {@link CreateSessionRequest}, where {@code null} components mean "use OpenAI's default".
 *
 * @param id                    {@code cksess_…}
 * @param object                always {@code chatkit.session}
 * @param expiresAt             Unix seconds at which the client secret expires
 * @param clientSecret          the ephemeral secret for the browser; never log it
 * @param workflow              the workflow behind the session
 * @param user                  the end-user id the session is scoped to
 * @param rateLimits            the resolved per-minute limit
 * @param maxRequestsPer1Minute convenience copy of {@code rateLimits.maxRequestsPer1Minute}
 * @param status                {@link #STATUS_ACTIVE}, {@link #STATUS_EXPIRED}, {@link #STATUS_CANCELLED} or a
 *                              value added later
 * @param chatkitConfiguration  the resolved feature settings
 * @param requestId             OpenAI's {@code x-request-id} of the response this came from (not part of the
 *                              JSON), or {@code null} when unknown
 */
public record ChatKitSession(
        String id,
        String object,
        @JsonProperty("expires_at") long expiresAt,
        @JsonProperty("client_secret") String clientSecret,
        Workflow workflow,
        String user,
        @JsonProperty("rate_limits") RateLimits rateLimits,
        @JsonProperty("max_requests_per_1_minute") Integer maxRequestsPer1Minute,
        String status,
        @JsonProperty("chatkit_configuration") ChatKitConfiguration chatkitConfiguration,
        @JsonIgnore String requestId) {

    /** {@link #status()} of a session whose client secret works. */
    public static final String STATUS_ACTIVE = "active";
    /** {@link #status()} of a session past its expiry. */
    public static final String STATUS_EXPIRED = "expired";
    /** {@link #status()} of a cancelled session. */
    public static final String STATUS_CANCELLED = "cancelled";

    /**
     * A session without a known request id, e.g. one built in a test.
     *
     * @param id {@code cksess_…}
     * @param object always {@code chatkit.session}
     * @param expiresAt Unix seconds at which the client secret expires
     * @param clientSecret the secret for the browser
     * @param workflow the workflow behind the session
     * @param user the end-user id
     * @param rateLimits the per-minute limit
     * @param maxRequestsPer1Minute copy of {@code rateLimits.maxRequestsPer1Minute}
     * @param status the session's status
     * @param chatkitConfiguration the feature settings
     */
    public ChatKitSession(String id, String object, long expiresAt, String clientSecret, Workflow workflow,
            String user, RateLimits rateLimits, Integer maxRequestsPer1Minute, String status,
            ChatKitConfiguration chatkitConfiguration) {
        this(id, object, expiresAt, clientSecret, workflow, user, rateLimits, maxRequestsPer1Minute, status,
                chatkitConfiguration, null);
    }

    /**
     * This session as answered by the response with OpenAI request id {@code requestId}.
     *
     * @param requestId OpenAI's {@code x-request-id}, or {@code null}
     * @return a copy with the request id
     */
    public ChatKitSession withRequestId(String requestId) {
        return new ChatKitSession(id, object, expiresAt, clientSecret, workflow, user, rateLimits,
                maxRequestsPer1Minute, status, chatkitConfiguration, requestId);
    }

    /**
     * {@link #expiresAt()} as an instant.
     *
     * @return the expiry instant
     */
    public Instant expiresAtInstant() {
        return Instant.ofEpochSecond(expiresAt);
    }

    /** Shows everything but the client secret. */
    @Override
    public String toString() {
        return "ChatKitSession[id=" + id + ", expiresAt=" + expiresAt + ", clientSecret=<redacted>, workflow="
                + workflow + ", user=" + user + ", rateLimits=" + rateLimits + ", status=" + status
                + ", chatkitConfiguration=" + chatkitConfiguration + ", requestId=" + requestId + ']';
    }

    /**
     * The workflow that powers a session.
     *
     * @param id             {@code wf_…}
     * @param version        a pinned version, {@code null} for the latest deployment
     * @param stateVariables values handed to the workflow (string, number or boolean; keys up to 64 characters)
     * @param tracing        tracing override, {@code null} for OpenAI's default (enabled)
     */
    public record Workflow(
            String id,
            String version,
            @JsonProperty("state_variables") Map<String, Object> stateVariables,
            Tracing tracing) {

        /**
         * Keeps the state variables in an unmodifiable copy ({@code null} values allowed, as a server may send them).
         *
         * @param id {@code wf_…}
         * @param version a pinned version, or {@code null}
         * @param stateVariables values handed to the workflow, or {@code null}
         * @param tracing tracing override, or {@code null}
         */
        public Workflow {
            // not Map.copyOf: an odd null value from the server must not fail the whole answer
            stateVariables = stateVariables == null ? null
                    : Collections.unmodifiableMap(new LinkedHashMap<>(stateVariables));
        }

        /**
         * Just an id: latest version, no state, default tracing.
         *
         * @param id {@code wf_…}
         * @return the workflow
         */
        public static Workflow of(String id) {
            return new Workflow(id, null, null, null);
        }
    }

    /** @param enabled whether the workflow run is traced; {@code null} for the default (true) */
    public record Tracing(Boolean enabled) {
    }

    /**
     * ChatKit runtime features.
     *
     * @param automaticThreadTitling automatic thread titles (default on)
     * @param fileUpload             uploads (default off)
     * @param history                access to earlier threads (default on, unlimited)
     */
    public record ChatKitConfiguration(
            @JsonProperty("automatic_thread_titling") AutomaticThreadTitling automaticThreadTitling,
            @JsonProperty("file_upload") FileUpload fileUpload,
            History history) {
    }

    /** @param enabled whether ChatKit titles threads by itself */
    public record AutomaticThreadTitling(Boolean enabled) {
    }

    /**
     * @param enabled     whether users may upload files
     * @param maxFileSize megabytes per file (1..512)
     * @param maxFiles    files per session (at least 1)
     */
    public record FileUpload(
            Boolean enabled,
            @JsonProperty("max_file_size") Integer maxFileSize,
            @JsonProperty("max_files") Integer maxFiles) {
    }

    /**
     * @param enabled       whether users see their earlier threads
     * @param recentThreads how many recent threads they see; {@code null} for all
     */
    public record History(Boolean enabled, @JsonProperty("recent_threads") Integer recentThreads) {
    }

    /**
     * When the session expires.
     *
     * @param anchor  always {@link #ANCHOR_CREATED_AT}
     * @param seconds seconds after the anchor
     */
    public record ExpiresAfter(String anchor, long seconds) {

        /** The only anchor the API knows: the session's creation. */
        public static final String ANCHOR_CREATED_AT = "created_at";

        /**
         * Expiry {@code duration} after creation, in whole seconds (at least 1).
         *
         * @param duration at least 1 s; fractions of a second are dropped
         * @return the expiry
         * @throws IllegalArgumentException when below 1 s
         */
        public static ExpiresAfter of(Duration duration) {
            long seconds = duration.getSeconds();
            if (seconds < 1) {
                throw new IllegalArgumentException("expiresAfter must be at least 1 second, got " + duration);
            }
            return new ExpiresAfter(ANCHOR_CREATED_AT, seconds);
        }
    }

    /** @param maxRequestsPer1Minute requests one session may make per minute (OpenAI's default 10) */
    public record RateLimits(@JsonProperty("max_requests_per_1_minute") Integer maxRequestsPer1Minute) {
    }
}

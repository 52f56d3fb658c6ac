package com.landki.interview.openai;

import com.landki.interview.config.ConfigSource;
import com.landki.interview.config.Redactor;
import com.landki.interview.config.Settings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;

/**
 * Connection settings for the OpenAI API: key, base URL, project, organization, timeouts and the retry policy.
 *
 * <p>An immutable value; build it with {@link #builder()} or read it from the environment with
 * {@link #fromEnv()}. Instances are thread-safe and meant to be shared. {@link #toString()} never shows the API
 * key.
 *
 * <p>Precedence: defaults &lt; configuration ({@link Builder#from(ConfigSource)}: environment, system
 * properties, see {@link Settings}) &lt; setters called after it.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>setter</th><th>environment variable</th><th>default</th></tr>
 *   <tr><td>{@link Builder#apiKey}</td><td>{@code OPENAI_API_KEY}</td><td>required</td></tr>
 *   <tr><td>{@link Builder#baseUrl}</td><td>{@code OPENAI_BASE_URL}</td><td>{@value #DEFAULT_BASE_URL}</td></tr>
 *   <tr><td>{@link Builder#projectId}</td><td>{@code OPENAI_PROJECT_ID}</td><td>none</td></tr>
 *   <tr><td>{@link Builder#organizationId}</td><td>{@code OPENAI_ORG_ID}</td><td>none</td></tr>
 *   <tr><td>{@link Builder#connectTimeout}</td><td>-</td><td>10 s</td></tr>
 *   <tr><td>{@link Builder#requestTimeout}</td><td>-</td><td>60 s per attempt</td></tr>
 *   <tr><td>{@link Builder#streamIdleTimeout}</td><td>-</td><td>5 min of silence in a stream</td></tr>
 *   <tr><td>{@link Builder#maxStreamEventBytes}</td><td>{@code OPENAI_STREAM_MAX_EVENT_BYTES}</td><td>1 MiB</td></tr>
 *   <tr><td>{@link Builder#retryPolicy}</td><td>-</td><td>{@link RetryPolicy#ofDefaults()}</td></tr>
 * </table>
 */
public final class OpenAiConfig {

    /** The public OpenAI API. */
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    /** Time allowed to open a TCP/TLS connection. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Time allowed for one attempt, from sending the request to the last byte of a JSON response. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** Longest silence allowed inside a Server-Sent-Event stream. */
    public static final Duration DEFAULT_STREAM_IDLE_TIMEOUT = Duration.ofMinutes(5);
    /**
     * Largest line or event of a Server-Sent-Event stream, in bytes: what one stream may hold in memory at a
     * time. A Responses stream's largest event is {@code response.completed}, which repeats the whole answer.
     */
    public static final int DEFAULT_MAX_STREAM_EVENT_BYTES = Settings.OPENAI_STREAM_MAX_EVENT_BYTES.defaultValue();

    private final String apiKey;
    private final URI baseUrl;
    private final String projectId;
    private final String organizationId;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Duration streamIdleTimeout;
    private final int maxStreamEventBytes;
    private final RetryPolicy retryPolicy;

    private OpenAiConfig(Builder b) {
        this.apiKey = b.apiKey;
        this.baseUrl = b.baseUrl;
        this.projectId = b.projectId;
        this.organizationId = b.organizationId;
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.streamIdleTimeout = b.streamIdleTimeout;
        this.maxStreamEventBytes = b.maxStreamEventBytes;
        this.retryPolicy = b.retryPolicy;
    }

    /**
     * A builder with the defaults and no API key.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The settings from system properties and the process environment ({@code OPENAI_API_KEY} is required);
     * see {@link #from(ConfigSource)}.
     *
     * @return the settings
     */
    public static OpenAiConfig fromEnv() {
        return from(ConfigSource.standard());
    }

    /**
     * The settings from {@code source}; blank values count as unset.
     *
     * @param source where the {@code OPENAI_*} settings are read
     * @return the settings
     * @throws IllegalStateException naming the variable when a value is missing or invalid
     */
    public static OpenAiConfig from(ConfigSource source) {
        return builder().from(source).build();
    }

    /**
     * A builder preset with this configuration.
     *
     * @return a new builder; changing it leaves this configuration as it is
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.apiKey = apiKey;
        b.baseUrl = baseUrl;
        b.projectId = projectId;
        b.organizationId = organizationId;
        b.connectTimeout = connectTimeout;
        b.requestTimeout = requestTimeout;
        b.streamIdleTimeout = streamIdleTimeout;
        b.maxStreamEventBytes = maxStreamEventBytes;
        b.retryPolicy = retryPolicy;
        return b;
    }

    /**
     * The secret key; never log it.
     *
     * @return the key, never {@code null}
     */
    public String apiKey() {
        return apiKey;
    }

    /**
     * The base URL without a trailing slash, e.g. {@code https://api.openai.com/v1}.
     *
     * @return the base URL
     */
    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * The project id or {@code null}.
     *
     * @return the project id or {@code null}
     */
    public String projectId() {
        return projectId;
    }

    /**
     * The organization id or {@code null}.
     *
     * @return the organization id or {@code null}
     */
    public String organizationId() {
        return organizationId;
    }

    /**
     * Time allowed to open a connection.
     *
     * @return positive; default {@link #DEFAULT_CONNECT_TIMEOUT}
     */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * Time allowed for one attempt of a JSON request, until the last byte of the response.
     *
     * @return positive; default {@link #DEFAULT_REQUEST_TIMEOUT}
     */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * Longest silence allowed between two events of a streamed response before it fails with a timeout.
     *
     * @return positive; default {@link #DEFAULT_STREAM_IDLE_TIMEOUT}
     */
    public Duration streamIdleTimeout() {
        return streamIdleTimeout;
    }

    /**
     * Largest line, and largest event data, a stream may send; a larger one fails the stream with
     * {@link OpenAiBadResponseException} and cancels it.
     *
     * @return bytes, at least 1
     */
    public int maxStreamEventBytes() {
        return maxStreamEventBytes;
    }

    /**
     * When and how often failed requests are tried again.
     *
     * @return the policy; default {@link RetryPolicy#ofDefaults()}
     */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** Shows every setting except the API key, which appears as {@code <redacted>}. */
    @Override
    public String toString() {
        return "OpenAiConfig{apiKey=<redacted>, baseUrl=" + baseUrl
                + ", projectId=" + projectId
                + ", organizationId=" + organizationId
                + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout
                + ", streamIdleTimeout=" + streamIdleTimeout
                + ", maxStreamEventBytes=" + maxStreamEventBytes
                + ", retryPolicy=" + retryPolicy + '}';
    }

    /** Builds an {@link OpenAiConfig}; not thread-safe. */
    public static final class Builder {
        private String apiKey;
        private URI baseUrl = URI.create(DEFAULT_BASE_URL);
        private String projectId;
        private String organizationId;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private Duration streamIdleTimeout = DEFAULT_STREAM_IDLE_TIMEOUT;
        private int maxStreamEventBytes = DEFAULT_MAX_STREAM_EVENT_BYTES;
        private RetryPolicy retryPolicy = RetryPolicy.ofDefaults();

        private Builder() {
        }

        /**
         * Takes {@code OPENAI_API_KEY}, {@code OPENAI_BASE_URL}, {@code OPENAI_PROJECT_ID},
         * {@code OPENAI_ORG_ID} and {@code OPENAI_STREAM_MAX_EVENT_BYTES} from {@code source} when set (not
         * blank); setters called afterwards win.
         *
         * @param source where the settings are read; not {@code null}
         * @return this builder
         * @throws IllegalStateException naming the variable when a value is invalid
         */
        public Builder from(ConfigSource source) {
            Objects.requireNonNull(source, "source");
            Settings.OPENAI_API_KEY.ifSet(source, this::apiKey);
            Settings.OPENAI_BASE_URL.ifSet(source, this::baseUrl);
            Settings.OPENAI_PROJECT_ID.ifSet(source, this::projectId);
            Settings.OPENAI_ORG_ID.ifSet(source, this::organizationId);
            Settings.OPENAI_STREAM_MAX_EVENT_BYTES.ifSet(source, this::maxStreamEventBytes);
            return this;
        }

        /**
         * The secret key ({@code sk-…}); required.
         *
         * @param apiKey not blank; surrounding white space is dropped
         * @return this builder
         * @throws IllegalArgumentException when blank
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = requireText(apiKey, "apiKey");
            Redactor.register(this.apiKey);
            return this;
        }

        /**
         * An absolute http(s) URL such as {@code https://api.openai.com/v1}; a trailing slash is dropped.
         *
         * @param baseUrl not {@code null}, no query or fragment
         * @return this builder
         * @throws IllegalArgumentException when it is not an absolute http(s) URL
         */
        public Builder baseUrl(String baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            try {
                this.baseUrl = parseBaseUrl(baseUrl.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("baseUrl " + e.getMessage(), e);
            }
            return this;
        }

        /**
         * Sent as {@code OpenAI-Project}; {@code null} removes it.
         *
         * @param projectId the project id; {@code null} or blank for none
         * @return this builder
         */
        public Builder projectId(String projectId) {
            this.projectId = blankToNull(projectId);
            return this;
        }

        /**
         * Sent as {@code OpenAI-Organization}; {@code null} removes it.
         *
         * @param organizationId the organization id; {@code null} or blank for none
         * @return this builder
         */
        public Builder organizationId(String organizationId) {
            this.organizationId = blankToNull(organizationId);
            return this;
        }

        /**
         * Positive; default {@link #DEFAULT_CONNECT_TIMEOUT}.
         *
         * @param connectTimeout positive
         * @return this builder
         * @throws IllegalArgumentException when zero or negative
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = requirePositive(connectTimeout, "connectTimeout");
            return this;
        }

        /**
         * Positive; one attempt's limit, default {@link #DEFAULT_REQUEST_TIMEOUT}.
         *
         * @param requestTimeout positive
         * @return this builder
         * @throws IllegalArgumentException when zero or negative
         */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requirePositive(requestTimeout, "requestTimeout");
            return this;
        }

        /**
         * Positive; longest silence inside a streamed response, default {@link #DEFAULT_STREAM_IDLE_TIMEOUT}.
         *
         * @param streamIdleTimeout positive
         * @return this builder
         * @throws IllegalArgumentException when zero or negative
         */
        public Builder streamIdleTimeout(Duration streamIdleTimeout) {
            this.streamIdleTimeout = requirePositive(streamIdleTimeout, "streamIdleTimeout");
            return this;
        }

        /**
         * Largest line, and largest event data, of a streamed response; default
         * {@link #DEFAULT_MAX_STREAM_EVENT_BYTES}. Bounds what one stream holds in memory: a larger event fails
         * the stream with {@link OpenAiBadResponseException} and cancels the call.
         *
         * @param maxStreamEventBytes positive
         * @return this builder
         * @throws IllegalArgumentException when zero or negative
         */
        public Builder maxStreamEventBytes(int maxStreamEventBytes) {
            if (maxStreamEventBytes <= 0) {
                throw new IllegalArgumentException("maxStreamEventBytes must be positive, was " + maxStreamEventBytes);
            }
            this.maxStreamEventBytes = maxStreamEventBytes;
            return this;
        }

        /**
         * When and how often failed requests are tried again.
         *
         * @param retryPolicy not {@code null}; default {@link RetryPolicy#ofDefaults()}
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * @return the immutable settings
         * @throws IllegalStateException when no API key was given
         */
        public OpenAiConfig build() {
            if (apiKey == null) {
                throw new IllegalStateException(
                        "apiKey is required: set the environment variable " + Settings.OPENAI_API_KEY.name()
                                + " or call apiKey(...)");
            }
            return new OpenAiConfig(this);
        }
    }

    static URI parseBaseUrl(String value) {
        String trimmed = value;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("must be an absolute http(s) URL, got '" + value + "'", e);
        }
        String scheme = uri.getScheme();
        if (!uri.isAbsolute() || uri.getHost() == null
                || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("must be an absolute http(s) URL without query, got '" + value + "'");
        }
        return uri;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value.trim();
    }

    private static Duration requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return value;
    }

    // package-private helpers shared with RetryPolicy
    static Duration positive(Duration value, String name) {
        return requirePositive(value, name);
    }
}

package com.landki.interview.chatkit;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.landki.interview.chatkit.ChatKitSession.AutomaticThreadTitling;
import com.landki.interview.chatkit.ChatKitSession.ChatKitConfiguration;
import com.landki.interview.chatkit.ChatKitSession.ExpiresAfter;
import com.landki.interview.chatkit.ChatKitSession.FileUpload;
import com.landki.interview.chatkit.ChatKitSession.History;
import com.landki.interview.chatkit.ChatKitSession.RateLimits;
import com.landki.interview.chatkit.ChatKitSession.Tracing;
import com.landki.interview.chatkit.ChatKitSession.Workflow;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The body of {@code POST /chatkit/sessions}: every field of the ChatKit sessions API. {@code null} components
 * are left out, so OpenAI's defaults apply. Without a workflow id the client's default workflow
 * ({@code OPENAI_WORKFLOW_ID}) is used.
 *
 * <pre>{@code
 * CreateSessionRequest request = CreateSessionRequest.builder("user-123")
 *         .stateVariable("language", "de")
 *         .expiresAfter(Duration.ofMinutes(10))
 *         .maxRequestsPerMinute(10)
 *         .fileUpload(false, null, null)
 *         .build();
 * }</pre>
 *
 * @param user                 the end user (required, not blank); threads are scoped to it
 * @param workflow             the workflow, or {@code null} for the client's default
 * @param chatkitConfiguration feature overrides or {@code null}
 * @param expiresAfter         expiry override or {@code null} (OpenAI: 10 minutes)
 * @param rateLimits           per-minute limit override or {@code null} (OpenAI: 10)
 */
public record CreateSessionRequest(
        String user,
        Workflow workflow,
        @JsonProperty("chatkit_configuration") ChatKitConfiguration chatkitConfiguration,
        @JsonProperty("expires_after") ExpiresAfter expiresAfter,
        @JsonProperty("rate_limits") RateLimits rateLimits) {

    /** Longest state-variable key the API accepts. */
    public static final int MAX_STATE_KEY_LENGTH = 64;

    /**
     * Validates the request.
     *
     * @param user the end user; not blank
     * @param workflow the workflow, or {@code null}
     * @param chatkitConfiguration feature overrides or {@code null}
     * @param expiresAfter expiry override or {@code null}
     * @param rateLimits per-minute limit override or {@code null}
     * @throws IllegalArgumentException when {@code user} is blank or a state variable is invalid
     */
    public CreateSessionRequest {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("user must not be blank");
        }
        if (workflow != null && workflow.stateVariables() != null) {
            workflow.stateVariables().forEach(CreateSessionRequest::checkStateVariable);
        }
    }

    /**
     * A request for {@code user} with the default workflow and OpenAI's defaults.
     *
     * @param user the end user; not blank
     * @return the request
     */
    public static CreateSessionRequest of(String user) {
        return builder(user).build();
    }

    /**
     * A builder of a request for {@code user}.
     *
     * @param user the end user; not blank (checked by {@link Builder#build()})
     * @return a new builder
     */
    public static Builder builder(String user) {
        return new Builder(user);
    }

    /** This request with {@code workflow} when it names none, or with the default id filled in. */
    CreateSessionRequest withDefaultWorkflow(String defaultId, String defaultVersion) {
        if (workflow != null && workflow.id() != null) {
            return this;
        }
        if (defaultId == null) {
            throw new IllegalStateException("no workflow id: set OPENAI_WORKFLOW_ID, call "
                    + "ChatKitClient.Builder.defaultWorkflowId(...) or CreateSessionRequest.Builder.workflowId(...)");
        }
        Workflow w = workflow == null
                ? new Workflow(defaultId, defaultVersion, null, null)
                : new Workflow(defaultId, workflow.version() != null ? workflow.version() : defaultVersion,
                        workflow.stateVariables(), workflow.tracing());
        return new CreateSessionRequest(user, w, chatkitConfiguration, expiresAfter, rateLimits);
    }

    private static void checkStateVariable(String key, Object value) {
        if (key == null || key.isEmpty() || key.length() > MAX_STATE_KEY_LENGTH) {
            throw new IllegalArgumentException(
                    "state variable key must have 1 to " + MAX_STATE_KEY_LENGTH + " characters, got '" + key + "'");
        }
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            throw new IllegalArgumentException("state variable '" + key
                    + "' must be a String, Number or Boolean, got " + (value == null ? "null" : value.getClass()));
        }
    }

    /** Builds a {@link CreateSessionRequest}; not thread-safe. */
    public static final class Builder {
        private final String user;
        private String workflowId;
        private String workflowVersion;
        private final Map<String, Object> stateVariables = new LinkedHashMap<>();
        private Boolean tracingEnabled;
        private Boolean automaticThreadTitling;
        private FileUpload fileUpload;
        private History history;
        private ExpiresAfter expiresAfter;
        private Integer maxRequestsPerMinute;

        private Builder(String user) {
            this.user = user;
        }

        /**
         * {@code wf_…}; without it the client's default workflow is used.
         *
         * @param workflowId the workflow id, or {@code null} for the client's default
         * @return this builder
         */
        public Builder workflowId(String workflowId) {
            this.workflowId = workflowId;
            return this;
        }

        /**
         * A pinned workflow version; default: the latest deployment (or the client's default version).
         *
         * @param workflowVersion the version, or {@code null}
         * @return this builder
         */
        public Builder workflowVersion(String workflowVersion) {
            this.workflowVersion = workflowVersion;
            return this;
        }

        /**
         * A string, number or boolean handed to the workflow; key up to 64 characters.
         *
         * @param key 1 to {@value #MAX_STATE_KEY_LENGTH} characters
         * @param value a {@code String}, {@code Number} or {@code Boolean}
         * @return this builder
         * @throws IllegalArgumentException when the key or the value's type is not accepted
         */
        public Builder stateVariable(String key, Object value) {
            checkStateVariable(key, value);
            stateVariables.put(key, value);
            return this;
        }

        /**
         * Whether the workflow run is traced; unset, OpenAI's default (traced).
         *
         * @param enabled {@code false} turns tracing off
         * @return this builder
         */
        public Builder tracingEnabled(boolean enabled) {
            this.tracingEnabled = enabled;
            return this;
        }

        /**
         * Whether ChatKit titles new threads by itself; unset, OpenAI's default (on).
         *
         * @param enabled {@code false} turns titling off
         * @return this builder
         */
        public Builder automaticThreadTitling(boolean enabled) {
            this.automaticThreadTitling = enabled;
            return this;
        }

        /**
         * @param enabled whether users may upload files
         * @return this builder
         * @throws IllegalArgumentException when a limit is out of range
         * @param maxFileSizeMb megabytes per file (1..512) or {@code null}
         * @param maxFiles      files per session (at least 1) or {@code null}
         */
        public Builder fileUpload(boolean enabled, Integer maxFileSizeMb, Integer maxFiles) {
            if (maxFileSizeMb != null && (maxFileSizeMb < 1 || maxFileSizeMb > 512)) {
                throw new IllegalArgumentException("maxFileSizeMb must be between 1 and 512, got " + maxFileSizeMb);
            }
            if (maxFiles != null && maxFiles < 1) {
                throw new IllegalArgumentException("maxFiles must be at least 1, got " + maxFiles);
            }
            this.fileUpload = new FileUpload(enabled, maxFileSizeMb, maxFiles);
            return this;
        }

        /**
         * @param enabled whether users see their earlier threads
         * @return this builder
         * @throws IllegalArgumentException when {@code recentThreads} is below 1
         * @param recentThreads how many earlier threads users see (at least 1) or {@code null} for all
         */
        public Builder history(boolean enabled, Integer recentThreads) {
            if (recentThreads != null && recentThreads < 1) {
                throw new IllegalArgumentException("recentThreads must be at least 1, got " + recentThreads);
            }
            this.history = new History(enabled, recentThreads);
            return this;
        }

        /**
         * Session lifetime after creation, whole seconds (at least 1).
         *
         * @param duration at least 1 s; fractions of a second are dropped
         * @return this builder
         * @throws IllegalArgumentException when below 1 s
         */
        public Builder expiresAfter(Duration duration) {
            this.expiresAfter = ExpiresAfter.of(Objects.requireNonNull(duration, "expiresAfter"));
            return this;
        }

        /**
         * Requests the session may make per minute (at least 1).
         *
         * @param max at least 1
         * @return this builder
         * @throws IllegalArgumentException when below 1
         */
        public Builder maxRequestsPerMinute(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxRequestsPerMinute must be at least 1, got " + max);
            }
            this.maxRequestsPerMinute = max;
            return this;
        }

        /**
         * The request; {@code null} parts stay unset so OpenAI's defaults apply.
         *
         * @return the request
         * @throws IllegalArgumentException when the user is blank
         */
        public CreateSessionRequest build() {
            Workflow workflow = null;
            if (workflowId != null || workflowVersion != null || !stateVariables.isEmpty() || tracingEnabled != null) {
                workflow = new Workflow(workflowId, workflowVersion,
                        stateVariables.isEmpty() ? null : stateVariables,
                        tracingEnabled == null ? null : new Tracing(tracingEnabled));
            }
            ChatKitConfiguration configuration = null;
            if (automaticThreadTitling != null || fileUpload != null || history != null) {
                configuration = new ChatKitConfiguration(
                        automaticThreadTitling == null ? null : new AutomaticThreadTitling(automaticThreadTitling),
                        fileUpload, history);
            }
            return new CreateSessionRequest(user, workflow, configuration, expiresAfter,
                    maxRequestsPerMinute == null ? null : new RateLimits(maxRequestsPerMinute));
        }
    }
}

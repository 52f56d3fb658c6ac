package com.landki.interview.servlet;

import com.landki.interview.chatkit.ChatKitClient;
import com.landki.interview.chatkit.CreateSessionRequest;
import com.landki.interview.chatkit.server.ChatKitServer;
import com.landki.interview.chatkit.server.responder.ChatKitResponder;
import com.landki.interview.chatkit.server.store.AttachmentStore;
import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.classify.ScopeClassifier;
import com.landki.interview.classify.ThreadClassifier;
import com.landki.interview.config.ChatBackend;
import com.landki.interview.config.ConfigSource;
import com.landki.interview.config.Settings;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Which chat backend answers and the SDK parts it uses: the ChatKit client ({@code hosted}: sessions, and
 * threads for {@code /classify}), the own ChatKit server or just its responder ({@code server}), the answer
 * classifier. A part left
 * unset is made when the API is mounted: from the options' configuration source
 * ({@link InterviewApiOptions#fromEnv()}) or, without one, from defaults. Immutable and thread-safe.
 */
public final class BackendOptions {

    private static final BackendOptions DEFAULTS = new Builder().build();

    private final ChatBackend chatKitBackend;
    private final ChatKitClient chatKitClient;
    private final Consumer<CreateSessionRequest.Builder> sessionCustomizer;
    private final ChatKitServer chatKitServer;
    private final ChatKitResponder responder;
    private final ThreadStore threadStore;
    private final AttachmentStore attachmentStore;
    private final ScopeClassifier classifier;
    private final ThreadClassifier threadClassifier;
    private final Duration sessionDeadline;
    private final int maxStreams;
    private final int maxStreamsPerUser;

    private BackendOptions(Builder b) {
        chatKitBackend = b.chatKitBackend;
        chatKitClient = b.chatKitClient;
        sessionCustomizer = b.sessionCustomizer;
        chatKitServer = b.chatKitServer;
        responder = b.responder;
        threadStore = b.threadStore;
        attachmentStore = b.attachmentStore;
        classifier = b.classifier;
        threadClassifier = b.threadClassifier;
        sessionDeadline = b.sessionDeadline;
        maxStreams = b.maxStreams;
        maxStreamsPerUser = b.maxStreamsPerUser;
    }

    /**
     * {@code auto}, nothing given.
     *
     * @return the shared default options
     */
    public static BackendOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A builder with the {@link #defaults()}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder preset with these options.
     *
     * @return a new builder; changing it leaves these options as they are
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Reads {@code CHATKIT_BACKEND}, {@code SESSION_DEADLINE_SECONDS}, {@code CHATKIT_MAX_STREAMS} and
     * {@code CHATKIT_MAX_STREAMS_PER_USER}; the parts themselves are read from the same source when the API is
     * mounted.
     *
     * @param source where the settings are read
     * @return the options
     */
    public static BackendOptions from(ConfigSource source) {
        return builder().chatKitBackend(Settings.CHATKIT_BACKEND.read(source))
                .sessionDeadline(Duration.ofSeconds(Settings.SESSION_DEADLINE_SECONDS.read(source)))
                .maxStreams(Settings.CHATKIT_MAX_STREAMS.read(source))
                .maxStreamsPerUser(Settings.CHATKIT_MAX_STREAMS_PER_USER.read(source)).build();
    }

    /**
     * Streamed answers of the own server open at once at most (0: no limit); more are answered 503.
     *
     * @return 0 or more
     */
    public int maxStreams() {
        return maxStreams;
    }

    /**
     * Streamed answers of one user open at once at most (0: no limit); more are answered 429.
     *
     * @return 0 or more
     */
    public int maxStreamsPerUser() {
        return maxStreamsPerUser;
    }

    /**
     * How long {@code POST /chatkit/session} may take in all, retries included, before it answers 504
     * {@code upstream_timeout}; {@link Duration#ZERO} leaves the ChatKit client's own retry deadline.
     *
     * @return the deadline, zero or positive
     */
    public Duration sessionDeadline() {
        return sessionDeadline;
    }

    /**
     * {@code hosted}, {@code server} or {@code auto} as configured; the mounted API resolves {@code auto} once.
     *
     * @return the backend as configured
     */
    public ChatBackend chatKitBackend() {
        return chatKitBackend;
    }

    /**
     * The ChatKit client given in code, or {@code null}.
     *
     * @return the client, or {@code null}
     */
    public ChatKitClient chatKitClient() {
        return chatKitClient;
    }

    /**
     * The host's additions to every session request.
     *
     * @return the customizer; by default one that changes nothing
     */
    public Consumer<CreateSessionRequest.Builder> sessionCustomizer() {
        return sessionCustomizer;
    }

    /**
     * The own ChatKit server given in code, or {@code null}.
     *
     * @return the server, or {@code null}
     */
    public ChatKitServer chatKitServer() {
        return chatKitServer;
    }

    /**
     * The responder of the {@code server} backend given in code, or {@code null}.
     *
     * @return the responder, or {@code null}
     */
    public ChatKitResponder responder() {
        return responder;
    }

    /**
     * The answer classifier given in code, or {@code null}.
     *
     * @return the classifier, or {@code null}
     */
    public ScopeClassifier classifier() {
        return classifier;
    }

    /**
     * Where the own server the API builds keeps its threads, given in code, or {@code null}.
     *
     * @return the store, or {@code null}: then where the store configuration says
     */
    public ThreadStore threadStore() {
        return threadStore;
    }

    /**
     * Where the own server keeps attachments when its {@link #threadStore()} is given in code, or {@code null}.
     *
     * @return the store, or {@code null}: then a given thread store comes without attachments
     */
    public AttachmentStore attachmentStore() {
        return attachmentStore;
    }

    /**
     * The thread classifier given in code, or {@code null}.
     *
     * @return the classifier, or {@code null}
     */
    public ThreadClassifier threadClassifier() {
        return threadClassifier;
    }

    @Override
    public String toString() {
        return "BackendOptions[chatKitBackend=" + chatKitBackend.id() + ", chatKitClient=" + (chatKitClient != null)
                + ", chatKitServer=" + (chatKitServer != null) + "]";
    }

    /** Collects the backend's parts. Not thread-safe. */
    public static final class Builder {

        private ChatBackend chatKitBackend = ChatBackend.AUTO;
        private ChatKitClient chatKitClient;
        private Consumer<CreateSessionRequest.Builder> sessionCustomizer = request -> { };
        private ChatKitServer chatKitServer;
        private ChatKitResponder responder;
        private ThreadStore threadStore;
        private AttachmentStore attachmentStore;
        private ScopeClassifier classifier;
        private ThreadClassifier threadClassifier;
        private Duration sessionDeadline = Duration.ofSeconds(Settings.SESSION_DEADLINE_SECONDS.defaultValue());
        private int maxStreams = Settings.CHATKIT_MAX_STREAMS.defaultValue();
        private int maxStreamsPerUser = Settings.CHATKIT_MAX_STREAMS_PER_USER.defaultValue();

        private Builder() {
        }

        private Builder(BackendOptions o) {
            chatKitBackend = o.chatKitBackend;
            chatKitClient = o.chatKitClient;
            sessionCustomizer = o.sessionCustomizer;
            chatKitServer = o.chatKitServer;
            responder = o.responder;
            threadStore = o.threadStore;
            attachmentStore = o.attachmentStore;
            classifier = o.classifier;
            threadClassifier = o.threadClassifier;
            sessionDeadline = o.sessionDeadline;
            maxStreams = o.maxStreams;
            maxStreamsPerUser = o.maxStreamsPerUser;
        }

        /**
         * {@code hosted}, {@code server} or {@code auto} (default: {@code hosted} when a workflow id is configured).
         *
         * @param backend not {@code null}
         * @return this builder
         */
        public Builder chatKitBackend(ChatBackend backend) {
            this.chatKitBackend = Objects.requireNonNull(backend, "chatKitBackend");
            return this;
        }

        /**
         * The SDK's ChatKit client: mints sessions for {@code /chatkit/session} (needs its default workflow id,
         * {@code OPENAI_WORKFLOW_ID}) and reads threads for {@code /classify} with a {@code thread_id}. Its
         * retries are counted in {@code interview_upstream_retries_total} (through a copy on the same pool).
         *
         * @param client the client, closed by the host; or {@code null} to read it from {@code OPENAI_*} at mount
         * @return this builder
         */
        public Builder chatKitClient(ChatKitClient client) {
            this.chatKitClient = client;
            return this;
        }

        /**
         * Adds the host's ChatKit session options (expiry, per-session rate limit, history, state variables)
         * to every session request; file upload is off unless this turns it on.
         *
         * @param customizer called for every session request; not {@code null} (default: changes nothing)
         * @return this builder
         */
        public Builder sessionCustomizer(Consumer<CreateSessionRequest.Builder> customizer) {
            this.sessionCustomizer = Objects.requireNonNull(customizer, "sessionCustomizer");
            return this;
        }

        /**
         * An own ChatKit server ({@code server} backend), mounted at {@code <mount>/chatkit} behind the API's
         * filter; erasure reaches its thread store.
         *
         * @param server the server, or {@code null}
         * @return this builder
         */
        public Builder chatKitServer(ChatKitServer server) {
            this.chatKitServer = server;
            return this;
        }

        /**
         * What answers with the {@code server} backend instead of the Responses agent of {@code OPENAI_*} (e.g. an
         * own {@code ResponsesAgent} or another model): the API builds the own server around it, with threads
         * where the store configuration says ({@code INTERVIEW_STORE}; in memory without one). Ignored when a
         * {@link #chatKitServer} is given.
         *
         * @param responder the responder, or {@code null}
         * @return this builder
         */
        public Builder responder(ChatKitResponder responder) {
            this.responder = responder;
            return this;
        }

        /**
         * Where the own server the API builds ({@code server} backend) keeps its threads, instead of where the
         * store configuration says; e.g. {@code ThreadStore.postgres(dataSource)} on a data source the host holds
         * (the Spring Boot starter does so with Boot's). The host closes it. Ignored when a
         * {@link #chatKitServer} is given.
         *
         * @param threadStore the store, or {@code null}
         * @return this builder
         */
        public Builder threadStore(ThreadStore threadStore) {
            this.threadStore = threadStore;
            return this;
        }

        /**
         * Where the own server keeps attachments next to a {@link #threadStore} given in code, e.g.
         * {@code AttachmentStore.postgres(dataSource)} (the Spring Boot starter does so with Boot's); the rules
         * stay those of {@code CHATKIT_ATTACHMENT*}. Without it a given thread store accepts no attachments.
         * The host closes it. Ignored without a thread store, or when a {@link #chatKitServer} is given.
         *
         * @param attachmentStore the store, or {@code null}
         * @return this builder
         */
        public Builder attachmentStore(AttachmentStore attachmentStore) {
            this.attachmentStore = attachmentStore;
            return this;
        }

        /**
         * The answer classifier of {@code /classify}; default structured flag, then the marker phrases.
         *
         * @param classifier not {@code null}
         * @return this builder
         */
        public Builder classifier(ScopeClassifier classifier) {
            this.classifier = Objects.requireNonNull(classifier, "classifier");
            return this;
        }

        /**
         * Classifies threads for {@code /classify} with a {@code thread_id}; default: through the ChatKit client.
         *
         * @param threadClassifier the classifier, or {@code null} for the default
         * @return this builder
         */
        public Builder threadClassifier(ThreadClassifier threadClassifier) {
            this.threadClassifier = threadClassifier;
            return this;
        }

        /**
         * The overall deadline of {@code POST /chatkit/session} (default 15 s, {@code SESSION_DEADLINE_SECONDS}):
         * a browser waiting for its chat gives up long before the client's two-minute retry deadline. Each attempt's
         * timeout is cut to what is left of it. {@link Duration#ZERO} turns it off.
         *
         * @param deadline zero or positive, whole seconds or less are fine
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        public Builder sessionDeadline(Duration deadline) {
            Objects.requireNonNull(deadline, "sessionDeadline");
            if (deadline.isNegative()) {
                throw new IllegalArgumentException("sessionDeadline must not be negative, was " + deadline);
            }
            this.sessionDeadline = deadline;
            return this;
        }

        /**
         * Most streamed answers of the own server open at once (default 4000, {@code CHATKIT_MAX_STREAMS}; 0: no
         * limit); one more is answered 503 {@code too_many_streams} with {@code Retry-After}. Each open stream
         * holds two connections (page and model) and up to 64 KiB of buffer, no thread.
         *
         * @param max 0 or more
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        public Builder maxStreams(int max) {
            if (max < 0) {
                throw new IllegalArgumentException("maxStreams must be 0 (no limit) or positive, was " + max);
            }
            this.maxStreams = max;
            return this;
        }

        /**
         * Most streamed answers one user may have open at once (default 3, {@code CHATKIT_MAX_STREAMS_PER_USER};
         * 0: no limit); one more is answered 429 {@code too_many_streams} with {@code Retry-After}.
         *
         * @param max 0 or more
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        public Builder maxStreamsPerUser(int max) {
            if (max < 0) {
                throw new IllegalArgumentException("maxStreamsPerUser must be 0 (no limit) or positive, was " + max);
            }
            this.maxStreamsPerUser = max;
            return this;
        }

        /**
         * @return the immutable options
         */
        public BackendOptions build() {
            return new BackendOptions(this);
        }
    }
}

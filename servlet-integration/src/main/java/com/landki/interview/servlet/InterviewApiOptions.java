package com.landki.interview.servlet;

import com.landki.interview.servlet.internal.Cidr;
import com.landki.interview.servlet.internal.ClientSessionPort;
import com.landki.interview.servlet.internal.RetryCounting;
import com.landki.interview.chatkit.ChatKitClient;
import com.landki.interview.chatkit.CreateSessionRequest;
import com.landki.interview.classify.ChatKitThreadReader;
import com.landki.interview.classify.ScopeClassifier;
import com.landki.interview.classify.ThreadClassifier;
import com.landki.interview.config.ChatBackend;
import com.landki.interview.config.ChatUi;
import com.landki.interview.config.ConfigSource;
import com.landki.interview.config.Settings;
import com.landki.interview.openai.RetryPolicy;
import com.landki.interview.servlet.chatkit.ChatKitProtocolServlet;
import com.landki.interview.servlet.internal.SecretFile;
import com.landki.interview.servlet.internal.SessionPort;
import com.landki.interview.store.InterviewStore;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Everything the mounted {@code /interview/api} needs: security settings, rate limits, page settings and
 * the SDK parts (ChatKit client, store, classifier). Build it in code with {@link #builder()} or read the
 * README's configuration table ({@link com.landki.interview.config.Settings}) with {@link #fromEnv()}.
 * Immutable and thread-safe; {@link #toBuilder()} makes a changed copy.
 */
public final class InterviewApiOptions {

    public static final String DEFAULT_MOUNT_PATH = Settings.INTERVIEW_API_MOUNT_PATH.defaultValue();
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    public static final int DEFAULT_RATE_LIMIT_SESSION_PER_MIN = Settings.RATE_LIMIT_SESSION_PER_MIN.defaultValue();
    public static final int DEFAULT_RATE_LIMIT_FEEDBACK_PER_MIN = Settings.RATE_LIMIT_FEEDBACK_PER_MIN.defaultValue();
    public static final int DEFAULT_RATE_LIMIT_CLASSIFY_PER_MIN = Settings.RATE_LIMIT_CLASSIFY_PER_MIN.defaultValue();
    public static final int DEFAULT_RATE_LIMIT_CHATKIT_PER_MIN = Settings.RATE_LIMIT_CHATKIT_PER_MIN.defaultValue();
    public static final String DEFAULT_GREETING = Settings.INTERVIEW_GREETING.defaultValue();
    public static final String DEFAULT_COMPOSER_PLACEHOLDER = Settings.INTERVIEW_COMPOSER_PLACEHOLDER.defaultValue();
    public static final List<Prompt> DEFAULT_PROMPTS = EnvOptions.prompts(Settings.INTERVIEW_PROMPTS.defaultValue());
    public static final List<String> DEFAULT_FEEDBACK_CATEGORIES = Settings.FEEDBACK_CATEGORIES.defaultValue();

    /** A start-screen prompt button: what it shows and what it sends. */
    public record Prompt(String label, String prompt) {

        public Prompt {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(prompt, "prompt");
        }
    }

    private final String mountPath;
    private final String adminToken;
    private final Set<String> allowedOrigins;
    private final List<Cidr> trustedProxies;
    private final boolean ipAnonymization;
    private final boolean feedbackListPublic;
    private final int rateLimitSessionPerMin;
    private final int rateLimitFeedbackPerMin;
    private final int rateLimitClassifyPerMin;
    private final int rateLimitChatKitPerMin;
    private final byte[] userIdCookieSecret;
    private final String userIdCookieName;
    private final UserIdResolver userIdResolver;
    private final int maxBodyBytes;
    private final String greeting;
    private final List<Prompt> prompts;
    private final String composerPlaceholder;
    private final ChatUi chatUi;
    private final List<String> feedbackCategories;
    private final ChatBackend chatKitBackend;
    private final String domainPublicKey;
    private final SessionPort sessions;
    private final ChatKitClient chatKitClient;
    private final Consumer<CreateSessionRequest.Builder> sessionCustomizer;
    private final String sessionsNotConfiguredReason;
    private final ScopeClassifier classifier;
    private final ThreadClassifier threadClassifier;
    private final InterviewStore store;
    private final ChatKitProtocolServlet chatKitServlet;
    private final PrometheusMeterRegistry meterRegistry;
    private final Clock clock;
    private final List<AutoCloseable> owned;

    private InterviewApiOptions(Builder b) {
        this.mountPath = b.mountPath;
        this.adminToken = b.adminToken;
        this.allowedOrigins = Set.copyOf(b.allowedOrigins);
        this.trustedProxies = List.copyOf(b.trustedProxies);
        this.ipAnonymization = b.ipAnonymization;
        this.feedbackListPublic = b.feedbackListPublic;
        this.rateLimitSessionPerMin = b.rateLimitSessionPerMin;
        this.rateLimitFeedbackPerMin = b.rateLimitFeedbackPerMin;
        this.rateLimitClassifyPerMin = b.rateLimitClassifyPerMin;
        this.rateLimitChatKitPerMin = b.rateLimitChatKitPerMin;
        this.userIdCookieSecret = b.userIdCookieSecret.clone();
        this.userIdCookieName = b.userIdCookieName;
        this.userIdResolver = b.userIdResolver;
        this.maxBodyBytes = b.maxBodyBytes;
        this.greeting = b.greeting;
        this.prompts = List.copyOf(b.prompts);
        this.composerPlaceholder = b.composerPlaceholder;
        this.chatUi = b.chatUi;
        this.feedbackCategories = List.copyOf(b.feedbackCategories);
        this.chatKitBackend = b.chatKitBackend;
        this.domainPublicKey = b.domainPublicKey;
        this.sessions = b.sessions;
        this.chatKitClient = b.chatKitClient;
        this.sessionCustomizer = b.sessionCustomizer;
        this.sessionsNotConfiguredReason = b.sessionsNotConfiguredReason;
        this.classifier = b.classifier;
        this.threadClassifier = b.threadClassifier;
        this.store = b.store;
        this.chatKitServlet = b.chatKitServlet;
        this.meterRegistry = b.meterRegistry;
        this.clock = b.clock;
        this.owned = List.copyOf(b.owned);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Reads the configuration table's settings from system properties and the process environment. */
    public static InterviewApiOptions fromEnv() {
        return from(ConfigSource.standard());
    }

    /**
     * Reads the configuration table's settings from {@code source} (for example system properties over
     * context parameters over the process environment). Invalid values fail with a message naming the setting.
     */
    public static InterviewApiOptions from(ConfigSource source) {
        return EnvOptions.read(source).build();
    }

    public String mountPath() {
        return mountPath;
    }

    /** The admin bearer token, or {@code null}: then admin endpoints answer loopback clients only. */
    public String adminToken() {
        return adminToken;
    }

    public Set<String> allowedOrigins() {
        return allowedOrigins;
    }

    public List<Cidr> trustedProxies() {
        return trustedProxies;
    }

    public boolean ipAnonymization() {
        return ipAnonymization;
    }

    public boolean feedbackListPublic() {
        return feedbackListPublic;
    }

    public int rateLimitSessionPerMin() {
        return rateLimitSessionPerMin;
    }

    public int rateLimitFeedbackPerMin() {
        return rateLimitFeedbackPerMin;
    }

    public int rateLimitClassifyPerMin() {
        return rateLimitClassifyPerMin;
    }

    public int rateLimitChatKitPerMin() {
        return rateLimitChatKitPerMin;
    }

    public byte[] userIdCookieSecret() {
        return userIdCookieSecret.clone();
    }

    public String userIdCookieName() {
        return userIdCookieName;
    }

    public UserIdResolver userIdResolver() {
        return userIdResolver;
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    public String greeting() {
        return greeting;
    }

    public List<Prompt> prompts() {
        return prompts;
    }

    public String composerPlaceholder() {
        return composerPlaceholder;
    }

    /** Which chat UI the page shows ({@code CHATKIT_UI}, {@code /config} {@code ui}). */
    public ChatUi chatUi() {
        return chatUi;
    }

    public List<String> feedbackCategories() {
        return feedbackCategories;
    }

    /** {@code hosted}, {@code server} or {@code auto} as configured. */
    public ChatBackend chatKitBackend() {
        return chatKitBackend;
    }

    /**
     * {@link ChatBackend#HOSTED} or {@link ChatBackend#SERVER}: {@code auto} is hosted when a workflow is
     * configured, that is when sessions can be minted.
     */
    public ChatBackend effectiveChatKitBackend() {
        return chatKitBackend.resolve(sessions != null);
    }

    /**
     * Whether the page can chat: with the {@code hosted} backend when sessions can be minted, with the
     * {@code server} backend when the ChatKit protocol servlet is set.
     */
    public boolean chatConfigured() {
        return effectiveChatKitBackend() == ChatBackend.SERVER ? chatKitServlet != null : sessions != null;
    }

    public String domainPublicKey() {
        return domainPublicKey;
    }

    public SessionPort sessions() {
        return sessions;
    }

    /** The ChatKit client that mints sessions and reads threads, or {@code null}. */
    public ChatKitClient chatKitClient() {
        return chatKitClient;
    }

    /**
     * {@code policy} with a listener that also counts its retries in {@code interview_upstream_retries_total}
     * of {@link #meterRegistry()}: for OpenAI clients the host builds itself (e.g. the Responses agent of an
     * own {@code ChatKitServer}). The ChatKit client given to {@link Builder#chatKitClient} is counted already.
     */
    public RetryPolicy countingRetries(RetryPolicy policy) {
        return RetryCounting.policy(policy, meterRegistry);
    }

    /** Why sessions cannot be minted, naming the missing settings; {@code null} when they can. */
    public String sessionsNotConfiguredReason() {
        return sessions != null ? null : sessionsNotConfiguredReason;
    }

    /** Classifies answers by text (structured flag first, then marker phrases). */
    public ScopeClassifier classifier() {
        return classifier;
    }

    /** Classifies ChatKit threads by id with the owner check, or {@code null} without a ChatKit client. */
    public ThreadClassifier threadClassifier() {
        return threadClassifier;
    }

    public InterviewStore store() {
        return store;
    }

    /** The ChatKit protocol servlet mounted at {@code <mount>/chatkit}, or {@code null}. */
    public ChatKitProtocolServlet chatKitServlet() {
        return chatKitServlet;
    }

    public PrometheusMeterRegistry meterRegistry() {
        return meterRegistry;
    }

    public Clock clock() {
        return clock;
    }

    /** Closes the resources registered with {@link Builder#closeOnDestroy}, newest first; logs failures. */
    public void closeOwned() {
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(InterviewApiOptions.class)
                        .warn("closing {} failed: {}", owned.get(i).getClass().getSimpleName(), e.toString());
            }
        }
    }

    /** Drops trailing slashes; a mount path starts with '/' and contains no '*' or '..'. */
    static String normalizeMountPath(String mountPath) {
        String value = Objects.requireNonNull(mountPath, "mountPath").trim();
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        if (!value.startsWith("/") || value.contains("*") || value.contains("..")) {
            throw new IllegalArgumentException("mountPath must start with '/' and contain no '*' or '..', was '"
                    + mountPath + "'");
        }
        return value;
    }

    @Override
    public String toString() {
        // never the admin token or the cookie secret
        return "InterviewApiOptions[mountPath=" + mountPath + ", adminToken=" + (adminToken == null ? "unset" : "***")
                + ", allowedOrigins=" + allowedOrigins + ", trustedProxies=" + trustedProxies
                + ", ipAnonymization=" + ipAnonymization + ", feedbackListPublic=" + feedbackListPublic
                + ", rateLimits(session/feedback/classify/chatkit)=" + rateLimitSessionPerMin + "/"
                + rateLimitFeedbackPerMin + "/" + rateLimitClassifyPerMin + "/" + rateLimitChatKitPerMin
                + ", backend=" + effectiveChatKitBackend().id() + ", sessions=" + (sessions != null)
                + ", store=" + (store == null ? "none" : store.type()) + "]";
    }

    /** Collects options; {@link #build()} validates them. Not thread-safe. */
    public static final class Builder {

        private String mountPath = DEFAULT_MOUNT_PATH;
        private String adminToken;
        private Set<String> allowedOrigins = new LinkedHashSet<>();
        private List<Cidr> trustedProxies = new ArrayList<>();
        private boolean ipAnonymization = true;
        private boolean feedbackListPublic;
        private int rateLimitSessionPerMin = DEFAULT_RATE_LIMIT_SESSION_PER_MIN;
        private int rateLimitFeedbackPerMin = DEFAULT_RATE_LIMIT_FEEDBACK_PER_MIN;
        private int rateLimitClassifyPerMin = DEFAULT_RATE_LIMIT_CLASSIFY_PER_MIN;
        private int rateLimitChatKitPerMin = DEFAULT_RATE_LIMIT_CHATKIT_PER_MIN;
        private byte[] userIdCookieSecret;
        private String userIdCookieName = "interview_uid";
        private UserIdResolver userIdResolver = UserIdResolver.cookieOnly();
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private String greeting = DEFAULT_GREETING;
        private List<Prompt> prompts = DEFAULT_PROMPTS;
        private String composerPlaceholder = DEFAULT_COMPOSER_PLACEHOLDER;
        private ChatUi chatUi = ChatUi.AUTO;
        private List<String> feedbackCategories = DEFAULT_FEEDBACK_CATEGORIES;
        private ChatBackend chatKitBackend = ChatBackend.AUTO;
        private String domainPublicKey;
        private SessionPort sessions;
        private ChatKitClient chatKitClient;
        private Consumer<CreateSessionRequest.Builder> sessionCustomizer = request -> { };
        private String sessionsNotConfiguredReason =
                "chat sessions need OPENAI_API_KEY and OPENAI_WORKFLOW_ID (or CHATKIT_BACKEND=server)";
        private ScopeClassifier classifier;
        private ThreadClassifier threadClassifier;
        private InterviewStore store;
        private ChatKitProtocolServlet chatKitServlet;
        private PrometheusMeterRegistry meterRegistry;
        private Clock clock = Clock.systemUTC();
        private List<AutoCloseable> owned = new ArrayList<>();

        private Builder() {
        }

        private Builder(InterviewApiOptions o) {
            mountPath = o.mountPath;
            adminToken = o.adminToken;
            allowedOrigins = new LinkedHashSet<>(o.allowedOrigins);
            trustedProxies = new ArrayList<>(o.trustedProxies);
            ipAnonymization = o.ipAnonymization;
            feedbackListPublic = o.feedbackListPublic;
            rateLimitSessionPerMin = o.rateLimitSessionPerMin;
            rateLimitFeedbackPerMin = o.rateLimitFeedbackPerMin;
            rateLimitClassifyPerMin = o.rateLimitClassifyPerMin;
            rateLimitChatKitPerMin = o.rateLimitChatKitPerMin;
            userIdCookieSecret = o.userIdCookieSecret.clone();
            userIdCookieName = o.userIdCookieName;
            userIdResolver = o.userIdResolver;
            maxBodyBytes = o.maxBodyBytes;
            greeting = o.greeting;
            prompts = o.prompts;
            composerPlaceholder = o.composerPlaceholder;
            chatUi = o.chatUi;
            feedbackCategories = o.feedbackCategories;
            chatKitBackend = o.chatKitBackend;
            domainPublicKey = o.domainPublicKey;
            sessions = o.sessions;
            chatKitClient = o.chatKitClient;
            sessionCustomizer = o.sessionCustomizer;
            sessionsNotConfiguredReason = o.sessionsNotConfiguredReason;
            classifier = o.classifier;
            threadClassifier = o.threadClassifier;
            store = o.store;
            chatKitServlet = o.chatKitServlet;
            meterRegistry = o.meterRegistry;
            clock = o.clock;
            owned = new ArrayList<>(o.owned);
        }

        /** Where the API lives inside the web application, default {@code /interview/api}. */
        public Builder mountPath(String mountPath) {
            this.mountPath = normalizeMountPath(mountPath);
            return this;
        }

        /** The bearer token for admin endpoints; {@code null} or blank restricts them to loopback clients. */
        public Builder adminToken(String adminToken) {
            this.adminToken = adminToken == null || adminToken.isBlank() ? null : adminToken.trim();
            return this;
        }

        /** Origins ({@code https://example.com}) allowed for CORS and the Origin check; {@code *} allows any. */
        public Builder allowedOrigins(Iterable<String> origins) {
            Set<String> set = new LinkedHashSet<>();
            for (String origin : origins) {
                String normalized = normalizeOrigin(origin);
                if (!normalized.isEmpty()) {
                    set.add(normalized);
                }
            }
            this.allowedOrigins = set;
            return this;
        }

        public Builder allowedOrigins(String... origins) {
            return allowedOrigins(Arrays.asList(origins));
        }

        /** Proxy networks ({@code 10.0.0.0/8}, {@code ::1}) whose forwarding headers are believed. */
        public Builder trustedProxies(Iterable<String> cidrs) {
            List<Cidr> list = new ArrayList<>();
            for (String cidr : cidrs) {
                if (!cidr.isBlank()) {
                    list.add(Cidr.parse(cidr));
                }
            }
            this.trustedProxies = list;
            return this;
        }

        public Builder trustedProxies(String... cidrs) {
            return trustedProxies(Arrays.asList(cidrs));
        }

        /** {@code true} (default) stores IPv4 addresses as /24 and IPv6 as /48. */
        public Builder ipAnonymization(boolean ipAnonymization) {
            this.ipAnonymization = ipAnonymization;
            return this;
        }

        /** {@code true} lets anyone read {@code /feedback/list} (as the original FastAPI server did); default admin only. */
        public Builder feedbackListPublic(boolean feedbackListPublic) {
            this.feedbackListPublic = feedbackListPublic;
            return this;
        }

        /** Per client IP and minute; 0 turns the limit off. */
        public Builder rateLimitSessionPerMin(int perMinute) {
            this.rateLimitSessionPerMin = requireLimit("RATE_LIMIT_SESSION_PER_MIN", perMinute);
            return this;
        }

        public Builder rateLimitFeedbackPerMin(int perMinute) {
            this.rateLimitFeedbackPerMin = requireLimit("RATE_LIMIT_FEEDBACK_PER_MIN", perMinute);
            return this;
        }

        public Builder rateLimitClassifyPerMin(int perMinute) {
            this.rateLimitClassifyPerMin = requireLimit("RATE_LIMIT_CLASSIFY_PER_MIN", perMinute);
            return this;
        }

        public Builder rateLimitChatKitPerMin(int perMinute) {
            this.rateLimitChatKitPerMin = requireLimit("RATE_LIMIT_CHATKIT_PER_MIN", perMinute);
            return this;
        }

        /** Turns every rate limit off (0), for tests and trusted networks. */
        public Builder noRateLimits() {
            rateLimitSessionPerMin = 0;
            rateLimitFeedbackPerMin = 0;
            rateLimitClassifyPerMin = 0;
            rateLimitChatKitPerMin = 0;
            return this;
        }

        /** The HMAC key (at least 16 bytes) that signs the user-id cookie. Default: random per process. */
        public Builder userIdCookieSecret(byte[] secret) {
            if (secret.length < Settings.MIN_COOKIE_SECRET_BYTES) {
                throw new IllegalArgumentException("userIdCookieSecret must be at least "
                        + Settings.MIN_COOKIE_SECRET_BYTES + " bytes, was " + secret.length);
            }
            this.userIdCookieSecret = secret.clone();
            return this;
        }

        /** Reads the cookie key from {@code file}, creating it (owner-only, 32 random bytes) on first use. */
        public Builder userIdCookieSecretFile(Path file) {
            return userIdCookieSecret(SecretFile.readOrCreate(file));
        }

        public Builder userIdCookieName(String name) {
            if (!name.matches("[A-Za-z0-9_\\-]{1,64}")) {
                throw new IllegalArgumentException("userIdCookieName must be 1..64 of [A-Za-z0-9_-], was '" + name + "'");
            }
            this.userIdCookieName = name;
            return this;
        }

        /** The host application's user ids (e.g. {@link UserIdResolver#principal()}); default the cookie. */
        public Builder userIdResolver(UserIdResolver resolver) {
            this.userIdResolver = Objects.requireNonNull(resolver, "userIdResolver");
            return this;
        }

        /** Largest accepted request body, default 64 KiB; larger bodies get 413. */
        public Builder maxBodyBytes(int maxBodyBytes) {
            if (maxBodyBytes < 1024) {
                throw new IllegalArgumentException("maxBodyBytes must be >= 1024, was " + maxBodyBytes);
            }
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        public Builder greeting(String greeting) {
            this.greeting = Objects.requireNonNull(greeting, "greeting");
            return this;
        }

        public Builder prompts(List<Prompt> prompts) {
            this.prompts = List.copyOf(prompts);
            return this;
        }

        public Builder composerPlaceholder(String placeholder) {
            this.composerPlaceholder = Objects.requireNonNull(placeholder, "composerPlaceholder");
            return this;
        }

        /** Which chat UI the page shows; default {@link ChatUi#AUTO}. */
        public Builder chatUi(ChatUi ui) {
            this.chatUi = Objects.requireNonNull(ui, "chatUi");
            return this;
        }

        /** Accepted {@code category} values of {@code POST /feedback}, shown to the page by {@code /config}. */
        public Builder feedbackCategories(List<String> categories) {
            for (String category : categories) {
                if (!category.matches("[a-z0-9_]{1,40}")) {
                    throw new IllegalArgumentException("feedback category must be 1..40 of [a-z0-9_], was '"
                            + category + "'");
                }
            }
            if (categories.isEmpty()) {
                throw new IllegalArgumentException("feedbackCategories must not be empty");
            }
            this.feedbackCategories = List.copyOf(categories);
            return this;
        }

        /** {@code hosted}, {@code server} or {@code auto} (default). */
        public Builder chatKitBackend(ChatBackend backend) {
            this.chatKitBackend = Objects.requireNonNull(backend, "chatKitBackend");
            return this;
        }

        /** The domain allowlist key handed to the page by {@code /config}. */
        public Builder domainPublicKey(String key) {
            this.domainPublicKey = key == null || key.isBlank() ? null : key.trim();
            return this;
        }

        /**
         * The SDK's ChatKit client: mints sessions for {@code /chatkit/session} (needs its default workflow id,
         * {@code OPENAI_WORKFLOW_ID}) and reads threads for {@code /classify} with a {@code thread_id}.
         * Without one, those answer 503 not_configured. Its retries are counted in
         * {@code interview_upstream_retries_total} (a copy on the same connection pool is used).
         */
        public Builder chatKitClient(ChatKitClient client) {
            this.chatKitClient = client;
            return this;
        }

        /**
         * Adds the host's ChatKit session options (expiry, per-session rate limit, history, state variables)
         * to every session request; file upload is off unless this turns it on.
         */
        public Builder sessionCustomizer(Consumer<CreateSessionRequest.Builder> customizer) {
            this.sessionCustomizer = Objects.requireNonNull(customizer, "sessionCustomizer");
            return this;
        }

        /** The sentence {@code /chatkit/session} answers with 503 while no sessions are configured. */
        public Builder sessionsNotConfiguredReason(String reason) {
            this.sessionsNotConfiguredReason = Objects.requireNonNull(reason, "reason");
            return this;
        }

        /** The answer classifier of {@code /classify}; default {@link ScopeClassifier#ofDefaults()}. */
        public Builder classifier(ScopeClassifier classifier) {
            this.classifier = Objects.requireNonNull(classifier, "classifier");
            return this;
        }

        /** Classifies threads for {@code /classify} with a {@code thread_id}; {@code null} answers 503 there. */
        public Builder threadClassifier(ThreadClassifier threadClassifier) {
            this.threadClassifier = threadClassifier;
            return this;
        }

        /** Where feedback and chat events go (JSONL, PostgreSQL or in-memory store of interview-sdk). */
        public Builder store(InterviewStore store) {
            this.store = store;
            return this;
        }

        /** The ChatKit protocol servlet ({@code server} backend) to mount at {@code <mount>/chatkit}. */
        public Builder chatKitServlet(ChatKitProtocolServlet servlet) {
            this.chatKitServlet = servlet;
            return this;
        }

        /** The registry {@code /metrics} scrapes; default a new one per options object. */
        public Builder meterRegistry(PrometheusMeterRegistry registry) {
            this.meterRegistry = Objects.requireNonNull(registry, "meterRegistry");
            return this;
        }

        /** A resource (store, client) the mounted API closes when its web application stops. */
        public Builder closeOnDestroy(AutoCloseable resource) {
            owned.add(Objects.requireNonNull(resource, "resource"));
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public InterviewApiOptions build() {
            if (store == null) {
                throw new IllegalStateException("a store is required: call store(InterviewStore.fromEnv())"
                        + " or store(InterviewStore.inMemory())");
            }
            if (classifier == null) {
                classifier = ScopeClassifier.ofDefaults();
            }
            if (meterRegistry == null) {
                meterRegistry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            }
            if (chatKitClient != null) {
                chatKitClient = RetryCounting.client(chatKitClient, meterRegistry);
                if (sessions == null && chatKitClient.defaultWorkflowId() != null) {
                    sessions = new ClientSessionPort(chatKitClient, sessionCustomizer);
                } else if (sessions == null) {
                    sessionsNotConfiguredReason = "chat sessions need OPENAI_WORKFLOW_ID (OPENAI_API_KEY is set),"
                            + " or CHATKIT_BACKEND=server";
                }
                if (threadClassifier == null) {
                    threadClassifier = ThreadClassifier.builder().reader(ChatKitThreadReader.of(chatKitClient))
                            .classifier(classifier).build();
                }
            }
            if (userIdCookieSecret == null) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                userIdCookieSecret = random;
            }
            return new InterviewApiOptions(this);
        }

        private static int requireLimit(String name, int perMinute) {
            if (perMinute < 0) {
                throw new IllegalArgumentException(name + " must be >= 0 (0 turns the limit off), was " + perMinute);
            }
            return perMinute;
        }

        static String normalizeOrigin(String origin) {
            String value = origin.trim().toLowerCase(Locale.ROOT);
            while (value.endsWith("/")) {
                value = value.substring(0, value.length() - 1);
            }
            return value;
        }
    }

}

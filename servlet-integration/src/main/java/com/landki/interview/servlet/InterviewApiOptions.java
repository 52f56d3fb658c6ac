package com.landki.interview.servlet;

import com.landki.interview.config.ConfigSource;
import com.landki.interview.config.Settings;
import com.landki.interview.openai.RetryPolicy;
import com.landki.interview.servlet.internal.MeterRegistries;
import com.landki.interview.servlet.internal.RetryCounting;
import com.landki.interview.store.InterviewStore;
import com.landki.interview.store.StoreConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the mounted {@code /interview/api} is made of: where it lives, its {@link SecurityOptions},
 * {@link RateLimits}, {@link PageOptions} and {@link BackendOptions}, and the store its records go to. Build it
 * in code with {@link #builder()} or read the README's configuration table ({@link Settings}) with
 * {@link #fromEnv()}; a value set on a builder wins over the configuration.
 *
 * <p>Options are plain values: building them opens nothing. {@link InterviewApi#mount} opens what they
 * describe (the store of {@link #storeConfig()}, the ChatKit client and server read from {@link #config()}),
 * each once, and closes it when the web application stops; a store or client given in code stays the host's to
 * close. Immutable and thread-safe; {@link #toBuilder()} makes a changed copy.
 */
public final class InterviewApiOptions {

    /** Where the API is mounted when nothing else is configured: {@code /interview/api}. */
    public static final String DEFAULT_MOUNT_PATH = Settings.INTERVIEW_API_MOUNT_PATH.defaultValue();

    private final String mountPath;
    private final SecurityOptions security;
    private final RateLimits rateLimits;
    private final PageOptions page;
    private final BackendOptions backend;
    private final InterviewStore store;
    private final StoreConfig storeConfig;
    private final ConfigSource config;
    private final MeterRegistry meterRegistry;
    private final Clock clock;

    private InterviewApiOptions(Builder b) {
        mountPath = b.mountPath;
        security = b.security;
        rateLimits = b.rateLimits;
        page = b.page;
        backend = b.backend;
        store = b.store;
        storeConfig = b.storeConfig;
        config = b.config;
        meterRegistry = b.meterRegistry;
        clock = b.clock;
    }

    /**
     * A builder with the defaults; a store or store configuration is required before {@link Builder#build()}.
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
     * Reads the configuration table's settings from system properties, then the process environment
     * ({@link ConfigSource#standard()}); see {@link #from(ConfigSource)}.
     *
     * @return the options
     */
    public static InterviewApiOptions fromEnv() {
        return from(ConfigSource.standard());
    }

    /**
     * Reads the configuration table's settings from {@code source}: the API's settings now (an invalid value
     * fails here, naming the setting), the SDK parts ({@code INTERVIEW_STORE}, {@code OPENAI_*}, markers) when
     * the API is mounted. Opens nothing.
     *
     * @param source where the settings are read
     * @return the options
     * @throws com.landki.interview.config.InvalidSettingException a value cannot be used
     */
    public static InterviewApiOptions from(ConfigSource source) {
        Builder b = builder().config(source);
        Settings.INTERVIEW_API_MOUNT_PATH.ifSet(source, b::mountPath);
        return b.security(SecurityOptions.from(source))
                .rateLimits(RateLimits.from(source))
                .page(PageOptions.from(source))
                .backend(BackendOptions.from(source))
                .storeConfig(StoreConfig.from(source))
                .build();
    }

    /**
     * Where the API lives inside the web application, e.g. {@code /interview/api}.
     *
     * @return the path, starting with {@code /} and without a trailing slash
     */
    public String mountPath() {
        return mountPath;
    }

    /**
     * Admin token, origins, proxies, IP anonymization, the user-id cookie and the body limit.
     *
     * @return the security options
     */
    public SecurityOptions security() {
        return security;
    }

    /**
     * Per-client-IP request limits of the endpoints.
     *
     * @return the rate limits
     */
    public RateLimits rateLimits() {
        return rateLimits;
    }

    /**
     * What {@code /config} tells the chat page (greeting, prompts, UI, feedback categories).
     *
     * @return the page options
     */
    public PageOptions page() {
        return page;
    }

    /**
     * The chat backend and the clients it uses.
     *
     * @return the backend options
     */
    public BackendOptions backend() {
        return backend;
    }

    /**
     * The store given in code (the host closes it), or {@code null}: then {@link #storeConfig()} is opened.
     *
     * @return the store, or {@code null}
     */
    public InterviewStore store() {
        return store;
    }

    /**
     * The store the mounted API opens and closes when none is given, or {@code null}.
     *
     * @return the configuration, or {@code null}
     */
    public StoreConfig storeConfig() {
        return storeConfig;
    }

    /**
     * Where the SDK parts not given in code are read from when the API is mounted (the ChatKit client from
     * {@code OPENAI_*}, the own server, the marker phrases), or {@code null}: then only what is given is used.
     *
     * @return the source, or {@code null}
     */
    public ConfigSource config() {
        return config;
    }

    /**
     * Where the API's meters go; {@code /metrics} scrapes it when it is (or holds) a {@code PrometheusMeterRegistry}.
     *
     * @return the registry, never {@code null}
     */
    public MeterRegistry meterRegistry() {
        return meterRegistry;
    }

    /**
     * The clock of timestamps and rate-limit windows.
     *
     * @return the clock; default the system UTC clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * {@code policy} with a listener that also counts its retries in {@code interview_upstream_retries_total}
     * of {@link #meterRegistry()}: for OpenAI clients the host builds itself (e.g. the Responses agent of an
     * own {@code ChatKitServer}). The ChatKit client of {@link BackendOptions} is counted already.
     *
     * @param policy the policy to count
     * @return the same policy with a counting listener
     */
    public RetryPolicy countingRetries(RetryPolicy policy) {
        return RetryCounting.policy(policy, meterRegistry);
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
        // never a secret: the parts' toString leave them out
        return "InterviewApiOptions[mountPath=" + mountPath + ", " + security + ", " + rateLimits + ", " + backend
                + ", store=" + (store != null ? store.type() : storeConfig.type() + " (opened at mount)") + "]";
    }

    /** Collects options; {@link #build()} checks that a store is given. Not thread-safe. */
    public static final class Builder {

        private String mountPath = DEFAULT_MOUNT_PATH;
        private SecurityOptions security = SecurityOptions.defaults();
        private RateLimits rateLimits = RateLimits.defaults();
        private PageOptions page = PageOptions.defaults();
        private BackendOptions backend = BackendOptions.defaults();
        private InterviewStore store;
        private StoreConfig storeConfig;
        private ConfigSource config;
        private MeterRegistry meterRegistry;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        private Builder(InterviewApiOptions o) {
            mountPath = o.mountPath;
            security = o.security;
            rateLimits = o.rateLimits;
            page = o.page;
            backend = o.backend;
            store = o.store;
            storeConfig = o.storeConfig;
            config = o.config;
            meterRegistry = o.meterRegistry;
            clock = o.clock;
        }

        /**
         * Where the API lives inside the web application, default {@code /interview/api}.
         *
         * @param mountPath starts with {@code /}; a trailing slash is dropped
         * @return this builder
         */
        public Builder mountPath(String mountPath) {
            this.mountPath = normalizeMountPath(mountPath);
            return this;
        }

        /**
         * Replaces the security options.
         *
         * @param security not {@code null}; default {@link SecurityOptions#defaults()}
         * @return this builder
         */
        public Builder security(SecurityOptions security) {
            this.security = Objects.requireNonNull(security, "security");
            return this;
        }

        /**
         * Changes the security options in place: {@code .security(s -> s.adminToken(token))}.
         *
         * @param change applied to a builder preset with the current options
         * @return this builder
         */
        public Builder security(Consumer<SecurityOptions.Builder> change) {
            SecurityOptions.Builder b = security.toBuilder();
            change.accept(b);
            return security(b.build());
        }

        /**
         * Replaces the rate limits.
         *
         * @param rateLimits not {@code null}; default {@link RateLimits#defaults()}
         * @return this builder
         */
        public Builder rateLimits(RateLimits rateLimits) {
            this.rateLimits = Objects.requireNonNull(rateLimits, "rateLimits");
            return this;
        }

        /**
         * Changes the rate limits in place: {@code .rateLimits(r -> r.feedbackPerMin(5))}.
         *
         * @param change applied to a builder preset with the current limits
         * @return this builder
         */
        public Builder rateLimits(Consumer<RateLimits.Builder> change) {
            RateLimits.Builder b = rateLimits.toBuilder();
            change.accept(b);
            return rateLimits(b.build());
        }

        /**
         * Replaces the page options.
         *
         * @param page not {@code null}
         * @return this builder
         */
        public Builder page(PageOptions page) {
            this.page = Objects.requireNonNull(page, "page");
            return this;
        }

        /**
         * Changes the page options in place: {@code .page(p -> p.greeting("Hello"))}.
         *
         * @param change applied to a builder preset with the current options
         * @return this builder
         */
        public Builder page(Consumer<PageOptions.Builder> change) {
            PageOptions.Builder b = page.toBuilder();
            change.accept(b);
            return page(b.build());
        }

        /**
         * Replaces the backend options.
         *
         * @param backend not {@code null}
         * @return this builder
         */
        public Builder backend(BackendOptions backend) {
            this.backend = Objects.requireNonNull(backend, "backend");
            return this;
        }

        /**
         * Changes the backend options in place: {@code .backend(b -> b.chatKitClient(client))}.
         *
         * @param change applied to a builder preset with the current options
         * @return this builder
         */
        public Builder backend(Consumer<BackendOptions.Builder> change) {
            BackendOptions.Builder b = backend.toBuilder();
            change.accept(b);
            return backend(b.build());
        }

        /**
         * Where feedback and chat events go (JSONL, PostgreSQL or in-memory store of interview-sdk); wins over
         * {@link #storeConfig}. The host closes it.
         *
         * @param store the store, or {@code null}
         * @return this builder
         */
        public Builder store(InterviewStore store) {
            this.store = store;
            return this;
        }

        /**
         * The store the mounted API opens, and closes when the web application stops, when none is given.
         *
         * @param storeConfig the configuration, or {@code null}
         * @return this builder
         */
        public Builder storeConfig(StoreConfig storeConfig) {
            this.storeConfig = storeConfig;
            return this;
        }

        /**
         * Where SDK parts not given in code are read from at mount (see {@link InterviewApiOptions#config()}).
         *
         * @param config the source, or {@code null} to use only what is given in code
         * @return this builder
         */
        public Builder config(ConfigSource config) {
            this.config = config;
            return this;
        }

        /**
         * Any Micrometer registry for the API's meters (e.g. the host's); default a new
         * {@code PrometheusMeterRegistry}, which {@code /metrics} scrapes, when {@code micrometer-registry-prometheus}
         * is on the class path (an optional dependency), else a simple in-memory one.
         *
         * @param registry not {@code null}
         * @return this builder
         */
        public Builder meterRegistry(MeterRegistry registry) {
            this.meterRegistry = Objects.requireNonNull(registry, "meterRegistry");
            return this;
        }

        /**
         * The clock of timestamps and rate-limit windows; tests pass a fixed one.
         *
         * @param clock not {@code null}; default the system UTC clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @return the immutable options
         * @throws IllegalStateException when neither a store nor a store configuration is given
         */
        public InterviewApiOptions build() {
            if (store == null && storeConfig == null) {
                throw new IllegalStateException("a store is required: call store(InterviewStore.inMemory()),"
                        + " store(yourStore) or storeConfig(StoreConfig.fromEnv())");
            }
            if (meterRegistry == null) {
                meterRegistry = MeterRegistries.newDefault();
            }
            return new InterviewApiOptions(this);
        }
    }
}

package com.landki.interview.store;

import com.landki.interview.config.ConfigSource;
import com.landki.interview.config.Redactor;
import com.landki.interview.config.Settings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How {@link InterviewStore#open(StoreConfig)} opens a store: which kind, where the JSONL files live, how
 * durable appends are, when files rotate and how many rotated files are kept, and how to reach PostgreSQL.
 * Built by {@link #builder()} or read by {@link #from(ConfigSource)}; immutable and thread-safe.
 * {@link #toString()} never shows the database password.
 */
public final class StoreConfig {

    /** {@link #type()} of the JSONL file store (the default). */
    public static final String TYPE_JSONL = "jsonl";
    /** {@link #type()} of the PostgreSQL store. */
    public static final String TYPE_POSTGRES = "postgres";
    /** {@link #type()} of the in-memory store, lost on restart. */
    public static final String TYPE_MEMORY = "memory";

    /** {@code ./_logs}, as in the original FastAPI server. */
    public static final Path DEFAULT_LOG_DIR = Settings.INTERVIEW_LOG_DIR.defaultValue();
    /** Rotate the active file once it would grow past 100 MiB. */
    public static final long DEFAULT_ROTATE_MAX_BYTES = Settings.INTERVIEW_LOG_ROTATE_BYTES.defaultValue();
    /** Keep every rotated file (0 = no limit); erasure by session id still reaches them. */
    public static final int DEFAULT_RETENTION_FILES = Settings.INTERVIEW_LOG_RETENTION.defaultValue();
    /**
     * Two seconds: a request waits at most this long for a PostgreSQL connection, so an outage answers 503 at once
     * instead of holding a thread for the pool's usual 30 s.
     */
    public static final Duration DEFAULT_JDBC_CONNECT_TIMEOUT =
            Duration.ofMillis(Settings.INTERVIEW_JDBC_CONNECT_TIMEOUT_MS.defaultValue());
    /** The shortest connect timeout, 250 ms (HikariCP's floor). */
    public static final Duration MIN_JDBC_CONNECT_TIMEOUT = Duration.ofMillis(250);

    private final String type;
    private final Path logDir;
    private final Durability durability;
    private final long rotateMaxBytes;
    private final boolean rotateDaily;
    private final int retentionFiles;
    private final String jdbcUrl;
    private final String jdbcUser;
    private final String jdbcPassword;
    private final Duration jdbcConnectTimeout;
    private final Clock clock;

    private StoreConfig(Builder b) {
        this.type = b.type;
        this.logDir = b.logDir;
        this.durability = b.durability;
        this.rotateMaxBytes = b.rotateMaxBytes;
        this.rotateDaily = b.rotateDaily;
        this.retentionFiles = b.retentionFiles;
        this.jdbcUrl = b.jdbcUrl;
        this.jdbcUser = b.jdbcUser;
        this.jdbcPassword = b.jdbcPassword;
        this.jdbcConnectTimeout = b.jdbcConnectTimeout;
        this.clock = b.clock;
    }

    /**
     * A builder with the defaults: JSONL in {@link #DEFAULT_LOG_DIR}, {@link Durability#FLUSH}, 100 MiB rotation.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads system properties and the process environment; see {@link #from(ConfigSource)}.
     *
     * @return the configuration
     */
    public static StoreConfig fromEnv() {
        return from(ConfigSource.standard());
    }

    /**
     * Reads {@code INTERVIEW_STORE} ({@code jsonl}, {@code postgres}, {@code memory}; default {@code jsonl}),
     * {@code INTERVIEW_LOG_DIR} (default {@code ./_logs}), {@code INTERVIEW_LOG_DURABILITY} ({@code flush} or
     * {@code fsync}), {@code INTERVIEW_LOG_ROTATE_BYTES} (bytes, or with suffix {@code k}, {@code m},
     * {@code g}; {@code 0} = no size rotation; default 100m), {@code INTERVIEW_LOG_ROTATE_DAILY} (a boolean),
     * {@code INTERVIEW_LOG_RETENTION} (rotated files kept per log, {@code 0} = all) and
     * {@code INTERVIEW_JDBC_URL}, {@code INTERVIEW_JDBC_USER}, {@code INTERVIEW_JDBC_PASSWORD},
     * {@code INTERVIEW_JDBC_CONNECT_TIMEOUT_MS} (milliseconds, at least 250; default 2000); see {@link Settings}.
     *
     * @param source where the settings are read
     * @return the configuration
     * @throws IllegalStateException a value is malformed; the message names the variable
     */
    public static StoreConfig from(ConfigSource source) {
        Builder b = builder();
        Settings.INTERVIEW_STORE.ifSet(source, b::type);
        b.logDir(Settings.INTERVIEW_LOG_DIR.read(source));
        b.durability(Durability.valueOf(Settings.INTERVIEW_LOG_DURABILITY.read(source).toUpperCase(Locale.ROOT)));
        b.rotateMaxBytes(Settings.INTERVIEW_LOG_ROTATE_BYTES.read(source));
        b.rotateDaily(Settings.INTERVIEW_LOG_ROTATE_DAILY.read(source));
        b.retentionFiles(Settings.INTERVIEW_LOG_RETENTION.read(source));
        b.jdbcUrl(Settings.INTERVIEW_JDBC_URL.read(source));
        b.jdbcUser(Settings.INTERVIEW_JDBC_USER.read(source));
        b.jdbcPassword(Settings.INTERVIEW_JDBC_PASSWORD.read(source));
        b.jdbcConnectTimeout(Duration.ofMillis(Settings.INTERVIEW_JDBC_CONNECT_TIMEOUT_MS.read(source)));
        return b.build();
    }

    /**
     * {@code jsonl}, {@code postgres} or {@code memory}.
     *
     * @return the store kind, lower case
     */
    public String type() {
        return type;
    }

    /**
     * The directory of the JSONL files (JSONL store only).
     *
     * @return the directory; default {@link #DEFAULT_LOG_DIR}
     */
    public Path logDir() {
        return logDir;
    }

    /**
     * How durable a JSONL append is when it returns.
     *
     * @return the durability; default {@link Durability#FLUSH}
     */
    public Durability durability() {
        return durability;
    }

    /**
     * Size at which the active JSONL file rotates; 0 = never by size.
     *
     * @return bytes; default {@link #DEFAULT_ROTATE_MAX_BYTES}
     */
    public long rotateMaxBytes() {
        return rotateMaxBytes;
    }

    /**
     * Whether the active JSONL file also rotates when the day changes (in the clock's zone).
     *
     * @return {@code true} for daily rotation; default {@code false}
     */
    public boolean rotateDaily() {
        return rotateDaily;
    }

    /**
     * Rotated files kept per log; older ones are deleted at rotation. 0 = keep all.
     *
     * @return the number of files; default {@link #DEFAULT_RETENTION_FILES}
     */
    public int retentionFiles() {
        return retentionFiles;
    }

    /**
     * The JDBC URL of the PostgreSQL store.
     *
     * @return the URL, or {@code null} when not set
     */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /**
     * The PostgreSQL user.
     *
     * @return the user, or {@code null} for the driver's default
     */
    public String jdbcUser() {
        return jdbcUser;
    }

    /**
     * The PostgreSQL password; {@link #toString()} hides it.
     *
     * @return the password, or {@code null}
     */
    public String jdbcPassword() {
        return jdbcPassword;
    }

    /**
     * How long a request waits for a PostgreSQL connection: the pool's connection timeout, and the driver's connect
     * and login timeout. When it passes, the store fails with a {@link StoreException} (the API answers 503).
     *
     * @return the timeout; default {@link #DEFAULT_JDBC_CONNECT_TIMEOUT}
     */
    public Duration jdbcConnectTimeout() {
        return jdbcConnectTimeout;
    }

    /**
     * Source of {@code ts} and of the day for daily rotation.
     *
     * @return the clock; default the system clock in the default zone
     */
    public Clock clock() {
        return clock;
    }

    /**
     * A builder preset with this configuration.
     *
     * @return a new builder; changing it leaves this configuration as it is
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.type = type;
        b.logDir = logDir;
        b.durability = durability;
        b.rotateMaxBytes = rotateMaxBytes;
        b.rotateDaily = rotateDaily;
        b.retentionFiles = retentionFiles;
        b.jdbcUrl = jdbcUrl;
        b.jdbcUser = jdbcUser;
        b.jdbcPassword = jdbcPassword;
        b.jdbcConnectTimeout = jdbcConnectTimeout;
        b.clock = clock;
        return b;
    }

    @Override
    public String toString() {
        return "StoreConfig{type=" + type + ", logDir=" + logDir + ", durability=" + durability
                + ", rotateMaxBytes=" + rotateMaxBytes + ", rotateDaily=" + rotateDaily
                + ", retentionFiles=" + retentionFiles + ", jdbcUrl=" + jdbcUrl + ", jdbcUser=" + jdbcUser
                + ", jdbcPassword=" + (jdbcPassword == null ? "null" : "****")
                + ", jdbcConnectTimeout=" + jdbcConnectTimeout + "}";
    }

    /** Builds a {@link StoreConfig}; not thread-safe. */
    public static final class Builder {
        private String type = TYPE_JSONL;
        private Path logDir = DEFAULT_LOG_DIR;
        private Durability durability = Durability.FLUSH;
        private long rotateMaxBytes = DEFAULT_ROTATE_MAX_BYTES;
        private boolean rotateDaily;
        private int retentionFiles = DEFAULT_RETENTION_FILES;
        private String jdbcUrl;
        private String jdbcUser;
        private String jdbcPassword;
        private Duration jdbcConnectTimeout = DEFAULT_JDBC_CONNECT_TIMEOUT;
        private Clock clock = Clock.systemDefaultZone();

        private Builder() {
        }

        /**
         * {@code jsonl}, {@code postgres} or {@code memory}.
         *
         * @param value {@value #TYPE_JSONL}, {@value #TYPE_POSTGRES} or {@value #TYPE_MEMORY}, any case
         * @return this builder
         * @throws IllegalArgumentException for any other value
         */
        public Builder type(String value) {
            String t = Objects.requireNonNull(value, "type").trim().toLowerCase(Locale.ROOT);
            if (!t.equals(TYPE_JSONL) && !t.equals(TYPE_POSTGRES) && !t.equals(TYPE_MEMORY)) {
                throw new IllegalArgumentException(
                        "INTERVIEW_STORE (type) must be jsonl, postgres or memory, was: " + value);
            }
            this.type = t;
            return this;
        }

        /**
         * The directory of the JSONL files; created when the store opens.
         *
         * @param value not {@code null}; default {@link #DEFAULT_LOG_DIR}
         * @return this builder
         */
        public Builder logDir(Path value) {
            this.logDir = Objects.requireNonNull(value, "logDir");
            return this;
        }

        /**
         * How durable a JSONL append is when it returns: {@link Durability#FLUSH} survives a killed process,
         * {@link Durability#FSYNC} a power cut.
         *
         * @param value not {@code null}; default {@link Durability#FLUSH}
         * @return this builder
         */
        public Builder durability(Durability value) {
            this.durability = Objects.requireNonNull(value, "durability");
            return this;
        }

        /**
         * Rotate the active file before it would grow past this many bytes; 0 turns size rotation off.
         *
         * @param value bytes, at least 0; default {@link #DEFAULT_ROTATE_MAX_BYTES}
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        public Builder rotateMaxBytes(long value) {
            if (value < 0) {
                throw new IllegalArgumentException("rotateMaxBytes must be >= 0 (0 = off), was: " + value);
            }
            this.rotateMaxBytes = value;
            return this;
        }

        /**
         * Whether the active JSONL file also rotates when the day changes.
         *
         * @param value default {@code false}
         * @return this builder
         */
        public Builder rotateDaily(boolean value) {
            this.rotateDaily = value;
            return this;
        }

        /**
         * Rotated files kept per log; 0 keeps all.
         *
         * @param value at least 0; default {@link #DEFAULT_RETENTION_FILES}
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        public Builder retentionFiles(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("retentionFiles must be >= 0 (0 = keep all), was: " + value);
            }
            this.retentionFiles = value;
            return this;
        }

        /**
         * The JDBC URL of the PostgreSQL store, e.g. {@code jdbc:postgresql://db:5432/interview}; required for
         * {@value #TYPE_POSTGRES}.
         *
         * @param value the URL, or {@code null}
         * @return this builder
         */
        public Builder jdbcUrl(String value) {
            this.jdbcUrl = value;
            return this;
        }

        /**
         * The PostgreSQL user.
         *
         * @param value the user, or {@code null}
         * @return this builder
         */
        public Builder jdbcUser(String value) {
            this.jdbcUser = value;
            return this;
        }

        /**
         * The PostgreSQL password.
         *
         * @param value the password, or {@code null}
         * @return this builder
         */
        public Builder jdbcPassword(String value) {
            this.jdbcPassword = value;
            Redactor.register(value);
            return this;
        }

        /**
         * How long a request waits for a PostgreSQL connection before the store fails (pool connection timeout,
         * driver connect and login timeout).
         *
         * @param value at least {@link #MIN_JDBC_CONNECT_TIMEOUT}; default {@link #DEFAULT_JDBC_CONNECT_TIMEOUT}
         * @return this builder
         * @throws IllegalArgumentException when shorter than {@link #MIN_JDBC_CONNECT_TIMEOUT}
         */
        public Builder jdbcConnectTimeout(Duration value) {
            Objects.requireNonNull(value, "jdbcConnectTimeout");
            if (value.compareTo(MIN_JDBC_CONNECT_TIMEOUT) < 0) {
                throw new IllegalArgumentException(
                        "INTERVIEW_JDBC_CONNECT_TIMEOUT_MS (jdbcConnectTimeout) must be at least 250 ms, was: " + value);
            }
            this.jdbcConnectTimeout = value;
            return this;
        }

        /**
         * Source of the records' {@code ts} and of the day for daily rotation; tests pass a fixed clock.
         *
         * @param value not {@code null}; default the system clock in the default zone
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * The configuration. {@value #TYPE_POSTGRES} without a JDBC URL is a valid description (a host that holds
         * the data source itself, Spring Boot's say, uses {@link InterviewStore#postgres(javax.sql.DataSource)});
         * opening it with {@link InterviewStore#open(StoreConfig)} fails naming {@code INTERVIEW_JDBC_URL}.
         *
         * @return the immutable configuration
         */
        public StoreConfig build() {
            return new StoreConfig(this);
        }
    }
}

package com.landki.interview.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How {@link InterviewStore#open(StoreConfig)} opens a store: which kind, where the JSONL files live, how
 * durable appends are, when files rotate and how many rotated files are kept, and how to reach PostgreSQL.
 * Built by {@link #builder()} or read from the environment by {@link #fromEnv()}; immutable and thread-safe.
 * {@link #toString()} never shows the database password.
 */
public final class StoreConfig {

    public static final String TYPE_JSONL = "jsonl";
    public static final String TYPE_POSTGRES = "postgres";
    public static final String TYPE_MEMORY = "memory";

    /** {@code ./_logs}, as in the original FastAPI server. */
    public static final Path DEFAULT_LOG_DIR = Path.of("_logs");
    /** Rotate the active file once it would grow past 100 MiB. */
    public static final long DEFAULT_ROTATE_MAX_BYTES = 100L * 1024 * 1024;
    /** Keep every rotated file (0 = no limit); erasure by session id still reaches them. */
    public static final int DEFAULT_RETENTION_FILES = 0;

    private final String type;
    private final Path logDir;
    private final Durability durability;
    private final long rotateMaxBytes;
    private final boolean rotateDaily;
    private final int retentionFiles;
    private final String jdbcUrl;
    private final String jdbcUser;
    private final String jdbcPassword;
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
        this.clock = b.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads the configuration from {@link System#getenv()}; see {@link #fromEnv(Map)}. */
    public static StoreConfig fromEnv() {
        return fromEnv(System.getenv());
    }

    /**
     * Reads {@code INTERVIEW_STORE} ({@code jsonl}, {@code postgres}, {@code memory}; default {@code jsonl}),
     * {@code INTERVIEW_LOG_DIR} (default {@code ./_logs}), {@code INTERVIEW_LOG_DURABILITY} ({@code flush} or
     * {@code fsync}), {@code INTERVIEW_LOG_ROTATE_BYTES} (bytes, or with suffix {@code k}, {@code m},
     * {@code g}; {@code 0} = no size rotation; default 100m), {@code INTERVIEW_LOG_ROTATE_DAILY}
     * ({@code true}/{@code false}), {@code INTERVIEW_LOG_RETENTION} (rotated files kept per log, {@code 0} =
     * all) and {@code INTERVIEW_JDBC_URL}, {@code INTERVIEW_JDBC_USER}, {@code INTERVIEW_JDBC_PASSWORD}.
     *
     * @throws IllegalArgumentException a value is malformed; the message names the variable
     */
    public static StoreConfig fromEnv(Map<String, String> env) {
        Builder b = builder();
        String type = blankToNull(env.get("INTERVIEW_STORE"));
        if (type != null) {
            b.type(type);
        }
        String dir = blankToNull(env.get("INTERVIEW_LOG_DIR"));
        if (dir != null) {
            b.logDir(Path.of(dir));
        }
        String durability = blankToNull(env.get("INTERVIEW_LOG_DURABILITY"));
        if (durability != null) {
            b.durability(parseDurability(durability));
        }
        String rotateBytes = blankToNull(env.get("INTERVIEW_LOG_ROTATE_BYTES"));
        if (rotateBytes != null) {
            b.rotateMaxBytes(parseBytes("INTERVIEW_LOG_ROTATE_BYTES", rotateBytes));
        }
        String daily = blankToNull(env.get("INTERVIEW_LOG_ROTATE_DAILY"));
        if (daily != null) {
            b.rotateDaily(parseBoolean("INTERVIEW_LOG_ROTATE_DAILY", daily));
        }
        String retention = blankToNull(env.get("INTERVIEW_LOG_RETENTION"));
        if (retention != null) {
            b.retentionFiles(parseInt("INTERVIEW_LOG_RETENTION", retention));
        }
        b.jdbcUrl(blankToNull(env.get("INTERVIEW_JDBC_URL")));
        b.jdbcUser(blankToNull(env.get("INTERVIEW_JDBC_USER")));
        b.jdbcPassword(env.get("INTERVIEW_JDBC_PASSWORD"));
        return b.build();
    }

    /** {@code jsonl}, {@code postgres} or {@code memory}. */
    public String type() {
        return type;
    }

    public Path logDir() {
        return logDir;
    }

    public Durability durability() {
        return durability;
    }

    /** Size at which the active JSONL file rotates; 0 = never by size. */
    public long rotateMaxBytes() {
        return rotateMaxBytes;
    }

    /** Whether the active JSONL file also rotates when the day changes (in the clock's zone). */
    public boolean rotateDaily() {
        return rotateDaily;
    }

    /** Rotated files kept per log; older ones are deleted at rotation. 0 = keep all. */
    public int retentionFiles() {
        return retentionFiles;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String jdbcUser() {
        return jdbcUser;
    }

    public String jdbcPassword() {
        return jdbcPassword;
    }

    /** Source of {@code ts} and of the day for daily rotation. */
    public Clock clock() {
        return clock;
    }

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
        b.clock = clock;
        return b;
    }

    @Override
    public String toString() {
        return "StoreConfig{type=" + type + ", logDir=" + logDir + ", durability=" + durability
                + ", rotateMaxBytes=" + rotateMaxBytes + ", rotateDaily=" + rotateDaily
                + ", retentionFiles=" + retentionFiles + ", jdbcUrl=" + jdbcUrl + ", jdbcUser=" + jdbcUser
                + ", jdbcPassword=" + (jdbcPassword == null ? "null" : "****") + "}";
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
        private Clock clock = Clock.systemDefaultZone();

        private Builder() {
        }

        /** {@code jsonl}, {@code postgres} or {@code memory}. */
        public Builder type(String value) {
            String t = Objects.requireNonNull(value, "type").trim().toLowerCase(Locale.ROOT);
            if (!t.equals(TYPE_JSONL) && !t.equals(TYPE_POSTGRES) && !t.equals(TYPE_MEMORY)) {
                throw new IllegalArgumentException(
                        "INTERVIEW_STORE (type) must be jsonl, postgres or memory, was: " + value);
            }
            this.type = t;
            return this;
        }

        public Builder logDir(Path value) {
            this.logDir = Objects.requireNonNull(value, "logDir");
            return this;
        }

        public Builder durability(Durability value) {
            this.durability = Objects.requireNonNull(value, "durability");
            return this;
        }

        /** Rotate the active file before it would grow past this many bytes; 0 turns size rotation off. */
        public Builder rotateMaxBytes(long value) {
            if (value < 0) {
                throw new IllegalArgumentException("rotateMaxBytes must be >= 0 (0 = off), was: " + value);
            }
            this.rotateMaxBytes = value;
            return this;
        }

        public Builder rotateDaily(boolean value) {
            this.rotateDaily = value;
            return this;
        }

        /** Rotated files kept per log; 0 keeps all. */
        public Builder retentionFiles(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("retentionFiles must be >= 0 (0 = keep all), was: " + value);
            }
            this.retentionFiles = value;
            return this;
        }

        public Builder jdbcUrl(String value) {
            this.jdbcUrl = value;
            return this;
        }

        public Builder jdbcUser(String value) {
            this.jdbcUser = value;
            return this;
        }

        public Builder jdbcPassword(String value) {
            this.jdbcPassword = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** @throws IllegalArgumentException {@code postgres} without a JDBC URL */
        public StoreConfig build() {
            if (type.equals(TYPE_POSTGRES) && jdbcUrl == null) {
                throw new IllegalArgumentException(
                        "INTERVIEW_STORE=postgres needs INTERVIEW_JDBC_URL (jdbcUrl), e.g. "
                                + "jdbc:postgresql://db:5432/interview");
            }
            return new StoreConfig(this);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Durability parseDurability(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "flush":
                return Durability.FLUSH;
            case "fsync":
                return Durability.FSYNC;
            default:
                throw new IllegalArgumentException("INTERVIEW_LOG_DURABILITY must be flush or fsync, was: " + value);
        }
    }

    static long parseBytes(String name, String value) {
        String v = value.toLowerCase(Locale.ROOT).replace("ib", "").replace("b", "");
        long factor = 1;
        char last = v.isEmpty() ? ' ' : v.charAt(v.length() - 1);
        if (last == 'k' || last == 'm' || last == 'g') {
            factor = last == 'k' ? 1024L : last == 'm' ? 1024L * 1024 : 1024L * 1024 * 1024;
            v = v.substring(0, v.length() - 1);
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(n, factor);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(name + " must be a byte count such as 104857600 or 100m, was: "
                    + value, e);
        }
    }

    private static boolean parseBoolean(String name, String value) {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException(name + " must be true or false, was: " + value);
    }

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was: " + value, e);
        }
    }
}

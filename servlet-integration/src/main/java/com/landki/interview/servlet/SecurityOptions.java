package com.landki.interview.servlet;

import com.landki.interview.config.ConfigSource;
import com.landki.interview.config.Redactor;
import com.landki.interview.config.Settings;
import com.landki.interview.servlet.internal.Cidr;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Who may call what: the admin token, allowed origins, trusted proxies, IP anonymization, the signed user-id
 * cookie and the request body limit. Immutable and thread-safe; {@link #toBuilder()} makes a changed copy.
 */
public final class SecurityOptions {

    /** Largest accepted request body by default: 64 KiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    /** The user-id cookie's default name. */
    public static final String DEFAULT_USER_ID_COOKIE_NAME = "interview_uid";
    /** The file in {@code INTERVIEW_LOG_DIR} that keeps a generated cookie key. */
    public static final String COOKIE_SECRET_FILE_NAME = "user-id-cookie.secret";
    /** {@link #forwardedHeader()}: the de-facto {@code X-Forwarded-For} list (the default; what nginx sets). */
    public static final String X_FORWARDED_FOR = "x-forwarded-for";
    /** {@link #forwardedHeader()}: RFC 7239 {@code Forwarded: for=…}. */
    public static final String FORWARDED = "forwarded";

    private static final SecurityOptions DEFAULTS = new Builder().build();

    private final String adminToken;
    private final Set<String> allowedOrigins;
    private final Set<String> allowedHosts;
    private final List<String> trustedProxies;
    private final String forwardedHeader;
    private final boolean ipAnonymization;
    private final boolean feedbackListPublic;
    private final byte[] userIdCookieSecret;
    private final Path userIdCookieSecretFile;
    private final String userIdCookieName;
    private final UserIdResolver userIdResolver;
    private final int maxBodyBytes;

    private SecurityOptions(Builder b) {
        adminToken = b.adminToken;
        allowedOrigins = Set.copyOf(b.allowedOrigins);
        allowedHosts = Set.copyOf(b.allowedHosts);
        trustedProxies = List.copyOf(b.trustedProxies);
        forwardedHeader = b.forwardedHeader;
        ipAnonymization = b.ipAnonymization;
        feedbackListPublic = b.feedbackListPublic;
        userIdCookieSecret = b.userIdCookieSecret == null ? null : b.userIdCookieSecret.clone();
        userIdCookieSecretFile = b.userIdCookieSecretFile;
        userIdCookieName = b.userIdCookieName;
        userIdResolver = b.userIdResolver;
        maxBodyBytes = b.maxBodyBytes;
    }

    /**
     * No admin token (loopback only), same origin only, no trusted proxy, anonymized IPs, a random cookie key.
     *
     * @return the shared default options
     */
    public static SecurityOptions defaults() {
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
     * Reads {@code ADMIN_TOKEN}, {@code ALLOWED_ORIGINS}, {@code ALLOWED_HOSTS}, {@code TRUSTED_PROXIES},
     * {@code FORWARDED_HEADER}, {@code IP_ANONYMIZATION},
     * {@code FEEDBACK_LIST_PUBLIC} and {@code USER_ID_COOKIE_SECRET} (unset: the key generated once into
     * {@code INTERVIEW_LOG_DIR}). Invalid values fail with an {@link com.landki.interview.config.InvalidSettingException}
     * naming the setting.
     *
     * @param source where the settings are read
     * @return the options
     */
    public static SecurityOptions from(ConfigSource source) {
        Builder b = builder();
        Settings.ADMIN_TOKEN.ifSet(source, b::adminToken);
        Settings.ALLOWED_ORIGINS.ifSet(source, b::allowedOrigins);
        Settings.ALLOWED_HOSTS.ifSet(source, b::allowedHosts);
        Settings.TRUSTED_PROXIES.ifSet(source, b::trustedProxies);
        b.forwardedHeader(Settings.FORWARDED_HEADER.read(source));
        b.ipAnonymization(Settings.IP_ANONYMIZATION.read(source));
        b.feedbackListPublic(Settings.FEEDBACK_LIST_PUBLIC.read(source));
        Settings.USER_ID_COOKIE_SECRET.ifSet(source, b::userIdCookieSecret);
        if (b.userIdCookieSecret == null) {
            b.userIdCookieSecretFile(Settings.INTERVIEW_LOG_DIR.read(source).resolve(COOKIE_SECRET_FILE_NAME));
        }
        return b.build();
    }

    /**
     * The admin bearer token, or {@code null}: then admin endpoints answer direct loopback clients only.
     *
     * @return the token, or {@code null}
     */
    public String adminToken() {
        return adminToken;
    }

    /**
     * Normalized origins ({@code https://example.com}, lower case, no trailing slash); {@code *} allows any.
     *
     * @return an immutable set; empty for same origin only
     */
    public Set<String> allowedOrigins() {
        return allowedOrigins;
    }

    /**
     * Host names the API answers (lower case); {@code *} allows any. Empty (the default): the hosts of
     * {@link #allowedOrigins()}. {@code localhost} names and IP literals are always answered.
     *
     * @return an immutable set
     */
    public Set<String> allowedHosts() {
        return allowedHosts;
    }

    /**
     * Proxy networks as given ({@code 10.0.0.0/8}, {@code ::1}), each a valid IP address or CIDR.
     *
     * @return an immutable list
     */
    public List<String> trustedProxies() {
        return trustedProxies;
    }

    /**
     * The one header a trusted proxy names the client in: {@link #X_FORWARDED_FOR} (default) or
     * {@link #FORWARDED}; the other header is never used for the client IP.
     *
     * @return {@code x-forwarded-for} or {@code forwarded}
     */
    public String forwardedHeader() {
        return forwardedHeader;
    }

    /**
     * Whether client IPs are stored anonymized (IPv4 as /24, IPv6 as /48).
     *
     * @return default {@code true}
     */
    public boolean ipAnonymization() {
        return ipAnonymization;
    }

    /**
     * Whether anyone may read {@code /feedback/list}.
     *
     * @return default {@code false} (admin only)
     */
    public boolean feedbackListPublic() {
        return feedbackListPublic;
    }

    /**
     * The cookie key given in code or by {@code USER_ID_COOKIE_SECRET} (a copy), or {@code null}.
     *
     * @return the key, or {@code null}
     */
    public byte[] userIdCookieSecret() {
        return userIdCookieSecret == null ? null : userIdCookieSecret.clone();
    }

    /**
     * Where the cookie key is kept when none is given: read at mount, created with 32 random bytes (owner-only)
     * on first use; {@code null}: a random key per mounted API.
     *
     * @return the file, or {@code null}
     */
    public Path userIdCookieSecretFile() {
        return userIdCookieSecretFile;
    }

    /**
     * The name of the signed user-id cookie.
     *
     * @return default {@value #DEFAULT_USER_ID_COOKIE_NAME}
     */
    public String userIdCookieName() {
        return userIdCookieName;
    }

    /**
     * How a request's user id is found.
     *
     * @return default {@link UserIdResolver#cookieOnly()}
     */
    public UserIdResolver userIdResolver() {
        return userIdResolver;
    }

    /**
     * Largest accepted request body in bytes; larger bodies get 413.
     *
     * @return default {@value #DEFAULT_MAX_BODY_BYTES}
     */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    @Override
    public String toString() {
        // never the admin token or the cookie key
        return "SecurityOptions[adminToken=" + (adminToken == null ? "unset" : "***") + ", allowedOrigins="
                + allowedOrigins + ", allowedHosts=" + allowedHosts + ", trustedProxies=" + trustedProxies
                + ", forwardedHeader=" + forwardedHeader + ", ipAnonymization=" + ipAnonymization
                + ", feedbackListPublic=" + feedbackListPublic + ", maxBodyBytes=" + maxBodyBytes + "]";
    }

    /** Collects security settings; each setter validates. Not thread-safe. */
    public static final class Builder {

        private String adminToken;
        private Set<String> allowedOrigins = new LinkedHashSet<>();
        private Set<String> allowedHosts = new LinkedHashSet<>();
        private List<String> trustedProxies = new ArrayList<>();
        private String forwardedHeader = X_FORWARDED_FOR;
        private boolean ipAnonymization = true;
        private boolean feedbackListPublic;
        private byte[] userIdCookieSecret;
        private Path userIdCookieSecretFile;
        private String userIdCookieName = DEFAULT_USER_ID_COOKIE_NAME;
        private UserIdResolver userIdResolver = UserIdResolver.cookieOnly();
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;

        private Builder() {
        }

        private Builder(SecurityOptions o) {
            adminToken = o.adminToken;
            allowedOrigins = new LinkedHashSet<>(o.allowedOrigins);
            allowedHosts = new LinkedHashSet<>(o.allowedHosts);
            trustedProxies = new ArrayList<>(o.trustedProxies);
            forwardedHeader = o.forwardedHeader;
            ipAnonymization = o.ipAnonymization;
            feedbackListPublic = o.feedbackListPublic;
            userIdCookieSecret = o.userIdCookieSecret;
            userIdCookieSecretFile = o.userIdCookieSecretFile;
            userIdCookieName = o.userIdCookieName;
            userIdResolver = o.userIdResolver;
            maxBodyBytes = o.maxBodyBytes;
        }

        /**
         * The bearer token for admin endpoints; {@code null} or blank restricts them to loopback clients.
         *
         * @param adminToken the token, or {@code null}
         * @return this builder
         */
        public Builder adminToken(String adminToken) {
            this.adminToken = adminToken == null || adminToken.isBlank() ? null : adminToken.trim();
            Redactor.register(this.adminToken);
            return this;
        }

        /**
         * Origins ({@code https://example.com}) allowed for CORS and the Origin check; {@code *} allows any.
         *
         * @param origins origins, lower-cased and without trailing slash here; replaces those set before
         * @return this builder
         */
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

        /**
         * Like {@link #allowedOrigins(Iterable)}.
         *
         * @param origins origins; replaces those set before
         * @return this builder
         */
        public Builder allowedOrigins(String... origins) {
            return allowedOrigins(Arrays.asList(origins));
        }

        /**
         * Host names ({@code interview.example.com}; a port is ignored) the API answers; {@code *} allows any.
         * Empty: the hosts of the allowed origins. Guards against DNS rebinding.
         *
         * @param hosts host names; replaces those set before
         * @return this builder
         * @throws IllegalArgumentException for an entry that is no host name
         */
        public Builder allowedHosts(Iterable<String> hosts) {
            Set<String> set = new LinkedHashSet<>();
            for (String host : hosts) {
                String normalized = host.trim().toLowerCase(Locale.ROOT);
                if (normalized.isEmpty()) {
                    continue;
                }
                if (!normalized.equals("*") && !normalized.matches("\\[[0-9a-f:.]+\\]|[0-9a-z.:_-]+")) {
                    throw new IllegalArgumentException("allowedHosts: '" + host + "' is not a host name");
                }
                set.add(normalized);
            }
            this.allowedHosts = set;
            return this;
        }

        /**
         * Host names the API answers; see {@link #allowedHosts(Iterable)}.
         *
         * @param hosts host names
         * @return this builder
         */
        public Builder allowedHosts(String... hosts) {
            return allowedHosts(Arrays.asList(hosts));
        }

        /**
         * The header a trusted proxy names the client in.
         *
         * @param header {@link #X_FORWARDED_FOR} (default) or {@link #FORWARDED}
         * @return this builder
         * @throws IllegalArgumentException for any other value
         */
        public Builder forwardedHeader(String header) {
            String value = header.trim().toLowerCase(Locale.ROOT);
            if (!value.equals(X_FORWARDED_FOR) && !value.equals(FORWARDED)) {
                throw new IllegalArgumentException("forwardedHeader must be '" + X_FORWARDED_FOR + "' or '"
                        + FORWARDED + "', was '" + header + "'");
            }
            this.forwardedHeader = value;
            return this;
        }

        /**
         * Proxy networks ({@code 10.0.0.0/8}, {@code ::1}) whose forwarding headers are believed.
         *
         * @param cidrs IP addresses or CIDRs; replaces those set before
         * @return this builder
         * @throws IllegalArgumentException for an entry that is no IP address or CIDR
         */
        public Builder trustedProxies(Iterable<String> cidrs) {
            List<String> list = new ArrayList<>();
            for (String cidr : cidrs) {
                if (!cidr.isBlank()) {
                    list.add(Cidr.parse(cidr).toString());
                }
            }
            this.trustedProxies = list;
            return this;
        }

        /**
         * Like {@link #trustedProxies(Iterable)}.
         *
         * @param cidrs IP addresses or CIDRs; replaces those set before
         * @return this builder
         */
        public Builder trustedProxies(String... cidrs) {
            return trustedProxies(Arrays.asList(cidrs));
        }

        /**
         * {@code true} (default) stores IPv4 addresses as /24 and IPv6 as /48.
         *
         * @param ipAnonymization {@code false} stores full addresses
         * @return this builder
         */
        public Builder ipAnonymization(boolean ipAnonymization) {
            this.ipAnonymization = ipAnonymization;
            return this;
        }

        /**
         * {@code true} lets anyone read {@code /feedback/list} (as the original FastAPI server did); default admin only.
         *
         * @param feedbackListPublic {@code true} for public
         * @return this builder
         */
        public Builder feedbackListPublic(boolean feedbackListPublic) {
            this.feedbackListPublic = feedbackListPublic;
            return this;
        }

        /**
         * The HMAC key that signs the user-id cookie, at least {@value Settings#MIN_COOKIE_SECRET_BYTES} bytes;
         * wins over {@link #userIdCookieSecretFile}.
         *
         * @param secret the key; copied
         * @return this builder
         * @throws IllegalArgumentException when shorter than {@value Settings#MIN_COOKIE_SECRET_BYTES} bytes
         */
        public Builder userIdCookieSecret(byte[] secret) {
            if (secret.length < Settings.MIN_COOKIE_SECRET_BYTES) {
                throw new IllegalArgumentException("userIdCookieSecret must be at least "
                        + Settings.MIN_COOKIE_SECRET_BYTES + " bytes, was " + secret.length);
            }
            this.userIdCookieSecret = secret.clone();
            Redactor.register(secret);
            return this;
        }

        /**
         * Keeps the cookie key in {@code file}: read at mount, created (owner-only, 32 random bytes) on first use.
         *
         * @param file the key file; not {@code null}
         * @return this builder
         */
        public Builder userIdCookieSecretFile(Path file) {
            this.userIdCookieSecretFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * The name of the signed user-id cookie.
         *
         * @param name 1 to 64 of {@code [A-Za-z0-9_-]}; default {@value #DEFAULT_USER_ID_COOKIE_NAME}
         * @return this builder
         * @throws IllegalArgumentException for another name
         */
        public Builder userIdCookieName(String name) {
            if (!name.matches("[A-Za-z0-9_\\-]{1,64}")) {
                throw new IllegalArgumentException("userIdCookieName must be 1..64 of [A-Za-z0-9_-], was '" + name + "'");
            }
            this.userIdCookieName = name;
            return this;
        }

        /**
         * The host application's user ids (e.g. {@link UserIdResolver#principal()}); default the cookie.
         *
         * @param resolver not {@code null}
         * @return this builder
         */
        public Builder userIdResolver(UserIdResolver resolver) {
            this.userIdResolver = Objects.requireNonNull(resolver, "userIdResolver");
            return this;
        }

        /**
         * Largest accepted request body, default 64 KiB; larger bodies get 413.
         *
         * @param maxBodyBytes at least 1024
         * @return this builder
         * @throws IllegalArgumentException when below 1024
         */
        public Builder maxBodyBytes(int maxBodyBytes) {
            if (maxBodyBytes < 1024) {
                throw new IllegalArgumentException("maxBodyBytes must be >= 1024, was " + maxBodyBytes);
            }
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /**
         * @return the immutable options
         */
        public SecurityOptions build() {
            return new SecurityOptions(this);
        }

        private static String normalizeOrigin(String origin) {
            String value = origin.trim().toLowerCase(Locale.ROOT);
            while (value.endsWith("/")) {
                value = value.substring(0, value.length() - 1);
            }
            return value;
        }
    }
}

package com.landki.interview.servlet.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/** The Origin check and CORS answers for {@code ALLOWED_ORIGINS}. Immutable and thread-safe. */
public final class Cors {

    static final String ALLOW_METHODS = "GET, POST, DELETE, OPTIONS";
    static final String ALLOW_HEADERS = "Content-Type, Authorization";
    static final String EXPOSE_HEADERS = "Retry-After, x-request-id";

    private final Set<String> allowed;
    private final boolean any;

    public Cors(Set<String> allowedOrigins) {
        this.allowed = Set.copyOf(allowedOrigins);
        this.any = allowed.contains("*");
    }

    /** True when {@code origin} names the host the request was sent to (scheme-insensitive, default ports). */
    public static boolean sameOrigin(String origin, String hostHeader) {
        if (hostHeader == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin.trim());
            if (uri.getHost() == null) {
                return false;
            }
            String authority = uri.getHost().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (port == 80 && "http".equalsIgnoreCase(uri.getScheme()))
                    || (port == 443 && "https".equalsIgnoreCase(uri.getScheme()));
            if (!defaultPort) {
                authority += ":" + port;
            }
            String host = hostHeader.trim().toLowerCase(Locale.ROOT);
            if (host.endsWith(":80") || host.endsWith(":443")) {
                host = host.substring(0, host.lastIndexOf(':'));
            }
            return authority.equals(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Named in {@code ALLOWED_ORIGINS} itself, not only matched by {@code *}. */
    public boolean listed(String origin) {
        return allowed.contains(origin.trim().toLowerCase(Locale.ROOT));
    }

    public boolean allowed(String origin) {
        String normalized = origin.trim().toLowerCase(Locale.ROOT);
        return !"null".equals(normalized) && (any || allowed.contains(normalized));
    }
}

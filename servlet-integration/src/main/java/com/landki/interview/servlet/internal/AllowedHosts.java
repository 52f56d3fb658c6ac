package com.landki.interview.servlet.internal;

import java.net.InetAddress;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Host allowlist ({@code ALLOWED_HOSTS}): a browser tricked by DNS rebinding sends the attacker's host name,
 * so a request naming a host this API does not serve is refused before anything else happens. The
 * {@code localhost} names and IP literals ({@code 127.0.0.1}, {@code 192.0.2.7}, {@code [::1]}) are always
 * allowed: rebinding needs a DNS name, and no attacker can make a browser send these for its own page.
 * Immutable and thread-safe.
 */
public final class AllowedHosts {

    /** Most Host values whose decision is remembered; a scanner's endless variety is decided afresh. */
    static final int MAX_REMEMBERED = 256;

    private final Set<String> hosts;
    private final boolean any;
    // a server sees a handful of Host values: parsing each request's again cost measurable CPU under load
    private final ConcurrentHashMap<String, Boolean> decided = new ConcurrentHashMap<>();

    /**
     * @param configured     {@code ALLOWED_HOSTS} ({@code *} allows any); empty: the hosts of {@code origins}
     * @param allowedOrigins {@code ALLOWED_ORIGINS}, normalized
     */
    public AllowedHosts(Set<String> configured, Set<String> allowedOrigins) {
        Set<String> set = new LinkedHashSet<>();
        if (configured.isEmpty()) {
            for (String origin : allowedOrigins) {
                String host = originHost(origin);
                if (host != null) {
                    set.add(host);
                }
            }
        } else {
            for (String host : configured) {
                set.add(host.equals("*") ? host : hostOf(host));
            }
        }
        set.remove(null);
        this.any = set.contains("*");
        this.hosts = Set.copyOf(set);
    }

    /** Whether a request naming {@code hostHeader} (a {@code Host} value, port allowed) is served. */
    public boolean allowed(String hostHeader) {
        if (hostHeader == null) {
            return false;
        }
        Boolean known = decided.get(hostHeader);
        if (known != null) {
            return known;
        }
        boolean allowed = decide(hostHeader);
        if (decided.size() < MAX_REMEMBERED) {
            decided.put(hostHeader, allowed);
        }
        return allowed;
    }

    private boolean decide(String hostHeader) {
        String host = hostOf(hostHeader);
        return host != null && (any || isLocalhostName(host) || IpAddresses.parseLiteral(host) != null
                || hosts.contains(host));
    }

    /** The names beyond the localhost names and IP literals, for the start-up line; {@code *} when any is allowed. */
    public Set<String> names() {
        return hosts;
    }

    /** Whether {@code hostHeader} names this machine's loopback interface. */
    public static boolean isLoopbackHost(String hostHeader) {
        String host = hostOf(hostHeader);
        return host != null && isLoopbackName(host);
    }

    /** Lower case, without port and brackets; {@code null} when it is not a host. */
    static String hostOf(String hostHeader) {
        if (hostHeader == null) {
            return null;
        }
        String value = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            if (end < 0 || (end + 1 < value.length() && !value.substring(end + 1).matches(":\\d{1,5}"))) {
                return null;
            }
            value = value.substring(1, end);
            return IpAddresses.parseLiteral(value) == null ? null : value;
        }
        int colon = value.indexOf(':');
        if (colon >= 0) {
            if (!value.substring(colon + 1).matches("\\d{1,5}")) {
                return null;
            }
            value = value.substring(0, colon);
        }
        while (value.endsWith(".")) {
            value = value.substring(0, value.length() - 1); // "localhost." is "localhost"
        }
        return value.matches("[0-9a-z_-]+(\\.[0-9a-z_-]+)*") ? value : null;
    }

    private static boolean isLocalhostName(String host) {
        return host.equals("localhost") || host.endsWith(".localhost"); // RFC 6761: always the loopback interface
    }

    private static boolean isLoopbackName(String host) {
        if (isLocalhostName(host)) {
            return true;
        }
        InetAddress literal = IpAddresses.parseLiteral(host);
        return literal != null && literal.isLoopbackAddress();
    }

    private static String originHost(String origin) {
        try {
            return hostOf(URI.create(origin).getHost());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

package com.landki.interview.servlet.internal;

import com.landki.interview.servlet.SecurityOptions;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/**
 * Finds the client's IP: the TCP peer, unless the peer is a trusted proxy, in which case the chain of the one
 * configured header ({@code X-Forwarded-For} or RFC 7239 {@code Forwarded}) is walked from the right and the
 * first address that is not a trusted proxy wins. The other header is never read for the address: a proxy
 * appends to (or sets) only the header it knows, so the other one is whatever the client sent. Immutable and
 * thread-safe.
 */
public final class ClientIpResolver {

    private final List<Cidr> trustedProxies;
    private final boolean rfc7239;

    /** Believes {@code X-Forwarded-For}. */
    public ClientIpResolver(List<Cidr> trustedProxies) {
        this(trustedProxies, false);
    }

    /** @param rfc7239 {@code true}: believe {@code Forwarded}; {@code false}: {@code X-Forwarded-For} */
    public ClientIpResolver(List<Cidr> trustedProxies, boolean rfc7239) {
        this.trustedProxies = List.copyOf(trustedProxies);
        this.rfc7239 = rfc7239;
    }

    /** The resolver of the API mounted with {@code security}: its trusted proxies and forwarding header. */
    public static ClientIpResolver from(SecurityOptions security) {
        return new ClientIpResolver(security.trustedProxies().stream().map(Cidr::parse).toList(),
                SecurityOptions.FORWARDED.equals(security.forwardedHeader()));
    }

    /**
     * The resolved client and whether the request carried any forwarding header (either one: a request that
     * names another client is never taken for a direct loopback client).
     */
    public record ClientIp(InetAddress address, boolean forwarded) {

        public boolean isLoopback() {
            return address.isLoopbackAddress() && !forwarded;
        }
    }

    /**
     * @param peer         {@code request.getRemoteAddr()}
     * @param forwarded    the values of every {@code Forwarded} header
     * @param xForwardedFor the values of every {@code X-Forwarded-For} header
     */
    public ClientIp resolve(String peer, List<String> forwarded, List<String> xForwardedFor) {
        InetAddress peerAddress = IpAddresses.parseLiteral(peer);
        if (peerAddress == null) {
            peerAddress = InetAddress.getLoopbackAddress();
        }
        boolean anyProxyHeader = !forwarded.isEmpty() || !xForwardedFor.isEmpty();
        if (!isTrusted(peerAddress)) {
            return new ClientIp(peerAddress, anyProxyHeader);
        }
        List<String> chain = rfc7239 ? forwardedFor(forwarded) : split(xForwardedFor);
        InetAddress client = peerAddress;
        for (int i = chain.size() - 1; i >= 0; i--) {
            InetAddress hop = IpAddresses.parseLiteral(stripPort(chain.get(i)));
            if (hop == null) {
                break; // obfuscated or garbage hop: stop believing the chain here
            }
            client = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        return new ClientIp(client, anyProxyHeader);
    }

    /** Whether the TCP peer ({@code request.getRemoteAddr()}) is a trusted proxy. */
    public boolean isTrustedPeer(String peer) {
        InetAddress address = IpAddresses.parseLiteral(peer);
        return address != null && isTrusted(address);
    }

    boolean isTrusted(InetAddress address) {
        for (Cidr cidr : trustedProxies) {
            if (cidr.contains(address)) {
                return true;
            }
        }
        return false;
    }

    public static List<String> headerValues(Enumeration<String> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            while (values.hasMoreElements()) {
                out.add(values.nextElement());
            }
        }
        return out;
    }

    private static List<String> split(List<String> headers) {
        List<String> out = new ArrayList<>();
        for (String header : headers) {
            for (String part : header.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    /** The {@code for=} parameters of RFC 7239 elements, in order. */
    private static List<String> forwardedFor(List<String> headers) {
        List<String> out = new ArrayList<>();
        for (String element : split(headers)) {
            for (String pair : element.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("for")) {
                    String value = pair.substring(eq + 1).trim();
                    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1);
                    }
                    out.add(value);
                }
            }
        }
        return out;
    }

    private static String stripPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end > 0 ? hop.substring(0, end + 1) : hop;
        }
        int colon = hop.indexOf(':');
        if (colon > 0 && hop.indexOf(':', colon + 1) < 0) {
            return hop.substring(0, colon); // IPv4 with port
        }
        return hop;
    }
}

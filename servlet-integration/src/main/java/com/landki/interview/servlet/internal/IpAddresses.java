package com.landki.interview.servlet.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** IP literal parsing (never a DNS lookup) and DSGVO anonymization. Stateless. */
public final class IpAddresses {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[0-9A-Za-z]+)?");

    private IpAddresses() {
    }

    /** The address for an IPv4 or IPv6 literal (brackets allowed), or {@code null}; never resolves names. */
    public static InetAddress parseLiteral(String text) {
        if (text == null) {
            return null;
        }
        String value = text.trim();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        boolean literal = IPV4.matcher(value).matches() || (value.indexOf(':') >= 0 && IPV6.matcher(value).matches());
        if (!literal) {
            return null;
        }
        try {
            // only literals reach here, so getByName parses and does no lookup
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** 4 bytes for IPv4 (also for IPv4-mapped IPv6), 16 for IPv6. */
    static byte[] canonicalBytes(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 16 && isV4Mapped(bytes)) {
            byte[] v4 = new byte[4];
            System.arraycopy(bytes, 12, v4, 0, 4);
            return v4;
        }
        return bytes;
    }

    /** IPv4 to its /24 ({@code 203.0.113.0}), IPv6 to its /48 ({@code 2001:db8:1::}). */
    public static String anonymize(InetAddress address) {
        byte[] bytes = canonicalBytes(address);
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0";
        }
        return String.format("%x:%x:%x::", word(bytes, 0), word(bytes, 2), word(bytes, 4));
    }

    /** The form of {@code address} that may be stored or logged: {@link #anonymize}d unless {@code anonymize} is off. */
    public static String stored(InetAddress address, boolean anonymize) {
        return anonymize ? anonymize(address) : format(address);
    }

    /**
     * The key a client is rate-limited by: the IPv4 address, or the IPv6 /64 (one subscriber's network,
     * whose addresses a client can rotate freely).
     */
    public static String rateLimitKey(InetAddress address) {
        byte[] bytes = canonicalBytes(address);
        if (bytes.length == 4) {
            return format(address);
        }
        return String.format("%x:%x:%x:%x::/64", word(bytes, 0), word(bytes, 2), word(bytes, 4), word(bytes, 6));
    }

    /** The plain text form without brackets or zone, IPv4-mapped addresses as IPv4. */
    public static String format(InetAddress address) {
        byte[] bytes = canonicalBytes(address);
        try {
            InetAddress canonical = InetAddress.getByAddress(bytes);
            if (canonical instanceof Inet4Address) {
                return canonical.getHostAddress();
            }
            String text = ((Inet6Address) canonical).getHostAddress();
            int zone = text.indexOf('%');
            return zone < 0 ? text : text.substring(0, zone);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }

    private static int word(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xff) << 8) | (bytes[offset + 1] & 0xff);
    }

    private static boolean isV4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    }
}

package com.landki.interview.servlet.internal;

import java.net.InetAddress;
import java.util.Arrays;

/** An IPv4 or IPv6 network such as {@code 10.0.0.0/8} or {@code ::1/128}. Immutable. */
public final class Cidr {

    private final byte[] network;
    private final int prefix;
    private final String text;

    private Cidr(byte[] network, int prefix, String text) {
        this.network = network;
        this.prefix = prefix;
        this.text = text;
    }

    /** Parses {@code address[/prefix]}; a bare address is a single host. */
    public static Cidr parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        InetAddress parsed = IpAddresses.parseLiteral(address);
        if (parsed == null) {
            throw new IllegalArgumentException("TRUSTED_PROXIES: '" + text + "' is not an IP address or CIDR");
        }
        byte[] bytes = IpAddresses.canonicalBytes(parsed);
        int max = bytes.length * 8;
        int prefix = max;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("TRUSTED_PROXIES: '" + text + "' has no numeric prefix length", e);
            }
            if (prefix < 0 || prefix > max) {
                throw new IllegalArgumentException("TRUSTED_PROXIES: prefix of '" + text + "' must be 0.." + max);
            }
        }
        return new Cidr(mask(bytes, prefix), prefix, trimmed);
    }

    public boolean contains(InetAddress address) {
        byte[] bytes = IpAddresses.canonicalBytes(address);
        return bytes.length == network.length && Arrays.equals(mask(bytes, prefix), network);
    }

    static byte[] mask(byte[] bytes, int prefix) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            int bits = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] = (byte) (out[i] & (0xff << (8 - bits)));
        }
        return out;
    }

    @Override
    public String toString() {
        return text;
    }
}

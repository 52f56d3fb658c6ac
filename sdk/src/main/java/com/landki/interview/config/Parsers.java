package com.landki.interview.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The one set of value parsers behind every {@link Setting}; each throws {@link IllegalArgumentException}. */
final class Parsers {

    private Parsers() {
    }

    static String text(String value) {
        return value;
    }

    /** {@code true/false}, {@code 1/0}, {@code yes/no}, {@code on/off}, in any case; anything else is an error. */
    static boolean bool(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true": case "1": case "yes": case "on":
                return true;
            case "false": case "0": case "no": case "off":
                return false;
            default:
                throw new IllegalArgumentException("must be true or false (also 1/0, yes/no, on/off)");
        }
    }

    /** A whole number {@code >= 0}. */
    static int count(String value) {
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number", e);
        }
        if (n < 0) {
            throw new IllegalArgumentException("must be >= 0");
        }
        return n;
    }

    /** A TCP port, 0 to 65535. */
    static int port(String value) {
        int n = count(value);
        if (n > 65_535) {
            throw new IllegalArgumentException("must be a port number from 0 to 65535");
        }
        return n;
    }

    /** A byte count: digits with an optional {@code k}, {@code m} or {@code g} (binary) and optional {@code b}/{@code ib}. */
    static long bytes(String value) {
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
            throw new IllegalArgumentException("must be a byte count such as 104857600 or 100m", e);
        }
    }

    /** One of {@code words}, in any case; returns it in lower case. */
    static String choice(String value, List<String> words) {
        String word = value.toLowerCase(Locale.ROOT);
        if (!words.contains(word)) {
            String last = words.get(words.size() - 1);
            throw new IllegalArgumentException("must be " + (words.size() == 1 ? last
                    : String.join(", ", words.subList(0, words.size() - 1)) + " or " + last));
        }
        return word;
    }

    /** Parts separated by {@code separator}, trimmed, blanks dropped. */
    static List<String> list(String value, String separator) {
        List<String> out = new ArrayList<>();
        for (String part : value.split(java.util.regex.Pattern.quote(separator))) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return List.copyOf(out);
    }

    static Path path(String value) {
        try {
            return Path.of(value);
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("must be a file system path", e);
        }
    }

    /** A key given as text: its UTF-8 bytes, at least {@code minBytes} of them. */
    static byte[] key(String value, int minBytes) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < minBytes) {
            throw new IllegalArgumentException("must be at least " + minBytes + " bytes (UTF-8)");
        }
        return bytes;
    }
}

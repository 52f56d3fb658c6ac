package com.landki.interview.config;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Removes secrets from text that is about to be logged or put into an exception message: the one redaction the
 * SDK, the servlets and the example server's log lines all use.
 *
 * <p>Two kinds of secret are found. The values this process was configured with: every setting marked secret
 * ({@link Setting#isSecret()}: API key, admin token, JDBC password, cookie key) registers itself when it is
 * read, and the builders that take a secret in code register it too ({@link #register(String)}). And secrets
 * recognised by their shape, which no configuration names: OpenAI API keys ({@code sk-…}), ChatKit client
 * secrets ({@code ek_…}), the value after {@code Bearer} and the value of a JSON {@code client_secret} field.
 * Each becomes {@code <redacted>} (a shaped one keeps its prefix, e.g. {@code sk-<redacted>}, so the log still
 * says what kind of value was there). Thread-safe.
 */
public final class Redactor {

    /** What replaces a secret. */
    public static final String REDACTED = "<redacted>";

    /**
     * Registered values shorter than this are ignored: a short "secret" would redact ordinary words, and no
     * accepted secret is that short (the cookie key needs 16 bytes).
     */
    public static final int MIN_REGISTERED_LENGTH = 8;

    private static final Pattern OPENAI_KEY = Pattern.compile("\\bsk-[A-Za-z0-9_-]{8,}");
    private static final Pattern CLIENT_SECRET = Pattern.compile("\\bek_[A-Za-z0-9_-]{8,}");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer\\s+)[^\\s\"',;]+");
    private static final Pattern JSON_CLIENT_SECRET = Pattern.compile("(\"client_secret\"\\s*:\\s*\")[^\"]*(\")");

    /** Longest first, so a secret that contains another is replaced whole. */
    private static final List<String> REGISTERED = new CopyOnWriteArrayList<>();

    private Redactor() {
    }

    /**
     * Remembers a secret value for the life of the process: from now on {@link #redact} replaces it wherever it
     * appears. Values shorter than {@link #MIN_REGISTERED_LENGTH} and {@code null} are ignored.
     *
     * @param secret the value, e.g. an API key given to a builder
     */
    public static void register(String secret) {
        if (secret == null) {
            return;
        }
        String value = secret.strip();
        if (value.length() < MIN_REGISTERED_LENGTH || REGISTERED.contains(value)) {
            return;
        }
        synchronized (REGISTERED) {
            if (!REGISTERED.contains(value)) {
                REGISTERED.add(value);
                REGISTERED.sort(Comparator.comparingInt(String::length).reversed());
            }
        }
    }

    /**
     * Remembers a binary key: its UTF-8 text (how a setting gives it) and its base64 form (how a key file
     * holds it).
     *
     * @param key the key bytes
     */
    public static void register(byte[] key) {
        if (key == null) {
            return;
        }
        register(new String(key, StandardCharsets.UTF_8));
        register(Base64.getEncoder().encodeToString(key));
    }

    /**
     * The text with every registered secret and every secret of a known shape replaced.
     *
     * @param text any text; {@code null} gives {@code null}
     * @return the redacted text
     */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : REGISTERED) {
            if (result.contains(secret)) {
                result = result.replace(secret, REDACTED);
            }
        }
        // every log line passes here: a regex runs only when its literal part is in the text
        if (result.contains("client_secret")) {
            result = JSON_CLIENT_SECRET.matcher(result).replaceAll("$1" + REDACTED + "$2");
        }
        if (containsIgnoreCase(result, "bearer")) {
            result = BEARER.matcher(result).replaceAll("$1" + REDACTED);
        }
        if (result.contains("sk-")) {
            result = OPENAI_KEY.matcher(result).replaceAll("sk-" + REDACTED);
        }
        if (result.contains("ek_")) {
            result = CLIENT_SECRET.matcher(result).replaceAll("ek_" + REDACTED);
        }
        return result;
    }

    private static boolean containsIgnoreCase(String text, String lowerCaseWord) {
        for (int i = 0; i + lowerCaseWord.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, lowerCaseWord, 0, lowerCaseWord.length())) {
                return true;
            }
        }
        return false;
    }
}

package com.landki.interview.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One setting of the registry ({@link Settings}): its name (the environment variable, also the system property
 * and servlet parameter name), aliases, value type, default, one line of documentation and the parser that
 * validates a value. Immutable and thread-safe.
 *
 * @param <T> the parsed value's type
 */
public final class Setting<T> {

    private final String name;
    private final List<String> names;
    private final Class<?> type;
    private final T defaultValue;
    private final String defaultText;
    private final String doc;
    private final boolean secret;
    private final Function<String, T> parser;

    private Setting(String name, List<String> names, Class<?> type, T defaultValue, String defaultText, String doc,
            boolean secret, Function<String, T> parser) {
        this.name = name;
        this.names = List.copyOf(names);
        this.type = type;
        this.defaultValue = defaultValue;
        this.defaultText = defaultText;
        this.doc = doc;
        this.secret = secret;
        this.parser = parser;
    }

    static <T> Setting<T> of(String name, Class<?> type, T defaultValue, String doc, Function<String, T> parser) {
        String shown = defaultValue == null ? null : "`" + defaultValue + "`";
        return new Setting<>(name, List.of(name), type, defaultValue, shown, doc, false, parser);
    }

    /** A copy that is also read under {@code alias} (after the name, in each layer of a source). */
    Setting<T> alias(String alias) {
        List<String> more = new ArrayList<>(names);
        more.add(alias);
        return new Setting<>(name, more, type, defaultValue, defaultText, doc, secret, parser);
    }

    /** A copy whose default is described in words (the README's default column), e.g. "built-in German prompt". */
    Setting<T> defaultText(String text) {
        return new Setting<>(name, names, type, defaultValue, text, doc, secret, parser);
    }

    /** A copy whose value never appears in a message. */
    Setting<T> secret() {
        return new Setting<>(name, names, type, defaultValue, defaultText, doc, true, parser);
    }

    /**
     * The environment variable's name, e.g. {@code INTERVIEW_STORE}.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The name followed by its aliases, in lookup order.
     *
     * @return an immutable list, the name first
     */
    public List<String> names() {
        return names;
    }

    /**
     * The type of the parsed value, e.g. {@code Boolean}, {@code Integer}, {@code String}, {@code List}.
     *
     * @return the class
     */
    public Class<?> type() {
        return type;
    }

    /**
     * The value used when no source sets the setting; may be {@code null} (none).
     *
     * @return the default, or {@code null}
     */
    public T defaultValue() {
        return defaultValue;
    }

    /**
     * The default as the documentation shows it, or {@code null} for none.
     *
     * @return the text, or {@code null}
     */
    public String defaultText() {
        return defaultText;
    }

    /**
     * One line of documentation (Markdown).
     *
     * @return the text
     */
    public String doc() {
        return doc;
    }

    /**
     * Whether the value is a secret (API key, token, password): never logged or repeated in errors.
     *
     * @return {@code true} for a secret
     */
    public boolean isSecret() {
        return secret;
    }

    /**
     * The trimmed raw text the source gives for this setting, or {@code null} when unset or blank.
     *
     * @param source where to look
     * @return the raw text, or {@code null}
     */
    public String raw(ConfigSource source) {
        String value = Objects.requireNonNull(source, "source").first(names);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (secret) {
            Redactor.register(value); // from now on no log line shows it
        }
        return value.strip();
    }

    /**
     * The parsed value from {@code source}, or the default when it is unset.
     *
     * @param source where to look
     * @return the value, or the default (which may be {@code null})
     * @throws InvalidSettingException the value does not parse; the message names the setting
     */
    public T read(ConfigSource source) {
        return find(source).orElse(defaultValue);
    }

    /**
     * The parsed value from {@code source}; empty when unset (the default is not applied).
     *
     * @param source where to look
     * @return the value, or empty
     */
    public Optional<T> find(ConfigSource source) {
        String raw = raw(source);
        return raw == null ? Optional.empty() : Optional.of(parse(raw));
    }

    /**
     * Hands the parsed value to {@code target} (typically a builder's setter) when {@code source} sets it. An
     * {@link IllegalArgumentException} of the target is reported as an {@link InvalidSettingException} naming
     * this setting, so a builder validates and the message still names the variable.
     *
     * @param source where to look
     * @param target receives the value; not called when unset
     */
    public void ifSet(ConfigSource source, Consumer<? super T> target) {
        String raw = raw(source);
        if (raw == null) {
            return;
        }
        T value = parse(raw);
        try {
            target.accept(value);
        } catch (IllegalArgumentException e) {
            throw invalid(raw, e.getMessage(), e);
        }
    }

    /**
     * Parses a raw value as this setting does.
     *
     * @param raw the text; not {@code null}
     * @return the value
     * @throws InvalidSettingException the value does not parse
     */
    public T parse(String raw) {
        try {
            return parser.apply(raw.strip());
        } catch (IllegalArgumentException e) {
            throw invalid(raw, e.getMessage(), e);
        }
    }

    private InvalidSettingException invalid(String raw, String reason, Throwable cause) {
        String shown = secret ? "a value of " + raw.length() + " characters" : "'" + raw + "'";
        return new InvalidSettingException(name, name + ": " + reason + ", was " + shown, cause);
    }

    @Override
    public String toString() {
        return name;
    }
}

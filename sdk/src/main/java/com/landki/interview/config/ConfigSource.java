package com.landki.interview.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where settings come from: the process environment, system properties, a servlet container's init and context
 * parameters, a Spring environment or a map in a test. A source answers the raw text of a name, or {@code null};
 * {@link Setting#read(ConfigSource)} trims it, treats blank as unset, parses and validates it.
 *
 * <p>The standard precedence is system property &gt; container parameter &gt; environment variable &gt; default
 * ({@link #standard()}, {@link #standard(ConfigSource)}); a value set in code on a builder wins over all of them.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ConfigSource {

    /**
     * The raw value of {@code name}, or {@code null} when this source does not set it.
     *
     * @param name a setting's name, e.g. {@code INTERVIEW_STORE}
     * @return the raw value, or {@code null}
     */
    String get(String name);

    /**
     * The value of the first of {@code names} (a setting's name, then its aliases) that this source sets, or
     * {@code null}. A source made of layers ({@link #firstOf}) asks each layer for all names before the next.
     *
     * @param names the names in lookup order
     * @return the raw value, or {@code null}
     */
    default String first(List<String> names) {
        for (String name : names) {
            String value = get(name);
            if (isSet(value)) {
                return value;
            }
        }
        return null;
    }

    /**
     * The process environment.
     *
     * @return the source
     */
    static ConfigSource env() {
        return System::getenv;
    }

    /**
     * The JVM's system properties ({@code -DINTERVIEW_STORE=memory}), under the same names as the variables.
     *
     * @return the source
     */
    static ConfigSource systemProperties() {
        return System::getProperty;
    }

    /**
     * A fixed map, for tests and configuration files; copied.
     *
     * @param values names to values; not {@code null}
     * @return the source
     */
    static ConfigSource of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return copy::get;
    }

    /**
     * Sets nothing: every setting has its default.
     *
     * @return the source
     */
    static ConfigSource empty() {
        return name -> null;
    }

    /**
     * Layers: the first source that sets a name (not blank) wins.
     *
     * @param sources the layers, highest precedence first
     * @return the layered source
     */
    static ConfigSource firstOf(ConfigSource... sources) {
        List<ConfigSource> layers = List.of(sources);
        return new ConfigSource() {
            @Override
            public String get(String name) {
                return first(List.of(name));
            }

            @Override
            public String first(List<String> names) {
                for (ConfigSource layer : layers) {
                    String value = layer.first(names);
                    if (isSet(value)) {
                        return value;
                    }
                }
                return null;
            }
        };
    }

    /**
     * System properties over the process environment: what every {@code fromEnv()} reads.
     *
     * @return the source
     */
    static ConfigSource standard() {
        return firstOf(systemProperties(), env());
    }

    /**
     * System properties over {@code containerParameters} (a servlet's init and context parameters) over the
     * process environment.
     *
     * @param containerParameters the servlet's parameters
     * @return the layered source
     */
    static ConfigSource standard(ConfigSource containerParameters) {
        return firstOf(systemProperties(), Objects.requireNonNull(containerParameters, "containerParameters"), env());
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}

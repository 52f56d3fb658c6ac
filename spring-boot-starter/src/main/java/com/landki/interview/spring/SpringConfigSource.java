package com.landki.interview.spring;

import com.landki.interview.config.ConfigSource;
import com.landki.interview.config.Setting;
import com.landki.interview.config.Settings;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The settings registry read from Spring's {@link Environment}: each setting first under its property name
 * ({@link #propertyName}, e.g. {@code interview.openai.api-key}, bound with Boot's relaxed rules, so
 * {@code interviewStore}, {@code INTERVIEW_STORE} and YAML lists work), then under the README's name
 * ({@code OPENAI_API_KEY}) in any property source, the process environment included.
 */
final class SpringConfigSource implements ConfigSource {

    private static final Map<String, Setting<?>> BY_NAME = Settings.all().stream()
            .flatMap(s -> s.names().stream().map(n -> Map.entry(n, s)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));

    private final Environment environment;
    private final Binder binder;

    SpringConfigSource(Environment environment) {
        this.environment = environment;
        this.binder = Binder.get(environment);
    }

    /**
     * The Spring property of a setting: {@code interview.} and the name in kebab case, with {@code OPENAI_}
     * and {@code CHATKIT_} as groups and the {@code INTERVIEW_} prefix dropped; the mount path is
     * {@code interview.mount-path}.
     */
    static String propertyName(String settingName) {
        if (settingName.equals(Settings.INTERVIEW_API_MOUNT_PATH.name())) {
            return "interview.mount-path";
        }
        String rest = settingName.startsWith("INTERVIEW_") ? settingName.substring("INTERVIEW_".length()) : settingName;
        String group = "";
        for (String prefix : List.of("OPENAI_", "CHATKIT_")) {
            if (rest.startsWith(prefix)) {
                group = prefix.substring(0, prefix.length() - 1).toLowerCase(Locale.ROOT) + ".";
                rest = rest.substring(prefix.length());
            }
        }
        return "interview." + group + rest.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String get(String name) {
        String property = propertyName(name);
        String value = binder.bind(property, Bindable.of(String.class)).orElse(null);
        if (value == null && isList(name)) {
            value = binder.bind(property, Bindable.listOf(String.class)).map(joiner(name)).orElse(null);
        }
        return value != null ? value : environment.getProperty(name);
    }

    private static boolean isList(String name) {
        Setting<?> setting = BY_NAME.get(name);
        return setting != null && setting.type() == List.class;
    }

    /** YAML list items joined as the setting's one-line form (prompts use {@code ;}, the other lists commas). */
    private static Function<List<String>, String> joiner(String name) {
        String separator = name.equals(Settings.INTERVIEW_PROMPTS.name()) ? ";" : ",";
        return items -> String.join(separator, items);
    }
}

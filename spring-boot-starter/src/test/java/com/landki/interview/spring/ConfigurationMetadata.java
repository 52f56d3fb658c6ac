package com.landki.interview.spring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.landki.interview.config.Setting;
import com.landki.interview.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code META-INF/spring-configuration-metadata.json} as the settings registry gives it: one property per
 * setting the starter reads. {@code main} writes it into the source tree.
 */
final class ConfigurationMetadata {

    static final Path SOURCE = Path.of("src/main/resources/META-INF/spring-configuration-metadata.json");

    /**
     * Not settings of a Boot application: the example server's port, JVM and log format (Boot has
     * {@code logging.structured.format.console}), the WAR's auto-registration.
     */
    static final Set<String> NOT_IN_BOOT = Set.of(Settings.PORT.name(), Settings.INTERVIEW_JVM_OPTIONS.name(),
            Settings.LOG_FORMAT.name(), Settings.INTERVIEW_API_AUTOREGISTER.name());

    private ConfigurationMetadata() {
    }

    static String json() throws Exception {
        List<Map<String, Object>> properties = new java.util.ArrayList<>();
        properties.add(property("interview.enabled", "java.lang.Boolean",
                "whether the starter mounts the API, the chat page and the dashboard", true));
        for (Setting<?> setting : Settings.all()) {
            if (NOT_IN_BOOT.contains(setting.name())) {
                continue;
            }
            properties.add(property(SpringConfigSource.propertyName(setting.name()), typeName(setting),
                    setting.doc() + " (environment variable `" + setting.name() + "`)", defaultOf(setting)));
        }
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("name", "interview");
        group.put("type", InterviewAutoConfiguration.class.getName());
        group.put("sourceType", InterviewAutoConfiguration.class.getName());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("groups", List.of(group));
        root.put("properties", properties);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
    }

    private static Map<String, Object> property(String name, String type, String description, Object defaultValue) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("type", type);
        p.put("description", description);
        p.put("sourceType", InterviewAutoConfiguration.class.getName());
        if (defaultValue != null) {
            p.put("defaultValue", defaultValue);
        }
        return p;
    }

    private static String typeName(Setting<?> setting) {
        Class<?> type = setting.type();
        if (type == List.class) {
            return "java.util.List<java.lang.String>";
        }
        if (type == Boolean.class || type == Integer.class || type == Long.class || type == Path.class) {
            return type.getName();
        }
        return "java.lang.String";
    }

    private static Object defaultOf(Setting<?> setting) {
        Object value = setting.defaultValue();
        if (value == null || setting.isSecret()) {
            return null;
        }
        if (value instanceof Boolean || value instanceof Number || value instanceof String) {
            return value;
        }
        if (value instanceof List<?> list) {
            return list;
        }
        return value.toString().toLowerCase(java.util.Locale.ROOT);
    }

    public static void main(String[] args) throws Exception {
        Files.writeString(SOURCE, json());
    }
}

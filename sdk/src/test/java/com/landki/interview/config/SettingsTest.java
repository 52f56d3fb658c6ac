package com.landki.interview.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsTest {

    private static ChatBackend backend(Map<String, String> values) {
        ConfigSource source = ConfigSource.of(values);
        return Settings.CHATKIT_BACKEND.read(source).resolve(Settings.OPENAI_WORKFLOW_ID.raw(source) != null);
    }

    @Test
    void autoChoosesHostedOnlyWhenAWorkflowIsConfigured() {
        assertThat(backend(Map.of())).isEqualTo(ChatBackend.SERVER);
        assertThat(backend(Map.of("OPENAI_WORKFLOW_ID", "wf_1"))).isEqualTo(ChatBackend.HOSTED);
        assertThat(backend(Map.of("CHATKIT_BACKEND", "auto", "OPENAI_WORKFLOW_ID", " "))).isEqualTo(ChatBackend.SERVER);
        assertThat(backend(Map.of("CHATKIT_BACKEND", "SERVER", "OPENAI_WORKFLOW_ID", "wf_1")))
                .isEqualTo(ChatBackend.SERVER);
        assertThat(backend(Map.of("CHATKIT_BACKEND", "hosted"))).isEqualTo(ChatBackend.HOSTED);
        assertThatThrownBy(() -> backend(Map.of("CHATKIT_BACKEND", "cloud")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("CHATKIT_BACKEND: must be hosted, server or auto, was 'cloud'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "1", "yes", "On"})
    void everyBooleanAcceptsTheSameTrueWords(String word) {
        assertThat(Settings.FEEDBACK_LIST_PUBLIC.read(ConfigSource.of(Map.of("FEEDBACK_LIST_PUBLIC", word)))).isTrue();
        assertThat(Settings.INTERVIEW_LOG_ROTATE_DAILY.read(ConfigSource.of(Map.of("INTERVIEW_LOG_ROTATE_DAILY", word))))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "0", "no", "OFF"})
    void everyBooleanAcceptsTheSameFalseWords(String word) {
        assertThat(Settings.IP_ANONYMIZATION.read(ConfigSource.of(Map.of("IP_ANONYMIZATION", word)))).isFalse();
    }

    @Test
    void anyOtherBooleanIsAnErrorNamingTheSetting() {
        assertThatThrownBy(() -> Settings.IP_ANONYMIZATION.read(ConfigSource.of(Map.of("IP_ANONYMIZATION", "maybe"))))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("IP_ANONYMIZATION").hasMessageContaining("'maybe'")
                .extracting(e -> ((InvalidSettingException) e).setting()).isEqualTo("IP_ANONYMIZATION");
    }

    @Test
    void blankIsUnsetAndValuesAreTrimmed() {
        assertThat(Settings.RATE_LIMIT_FEEDBACK_PER_MIN.read(ConfigSource.of(Map.of("RATE_LIMIT_FEEDBACK_PER_MIN", " "))))
                .isEqualTo(30);
        assertThat(Settings.RATE_LIMIT_FEEDBACK_PER_MIN.read(ConfigSource.of(Map.of("RATE_LIMIT_FEEDBACK_PER_MIN", " 7 "))))
                .isEqualTo(7);
        assertThatThrownBy(() -> Settings.RATE_LIMIT_FEEDBACK_PER_MIN.read(
                ConfigSource.of(Map.of("RATE_LIMIT_FEEDBACK_PER_MIN", "-1")))).hasMessageContaining(">= 0");
    }

    @Test
    void theFirstLayerThatSetsANameWinsAndABlankLayerFallsThrough() {
        ConfigSource properties = ConfigSource.of(Map.of("INTERVIEW_STORE", "memory"));
        ConfigSource parameters = ConfigSource.of(Map.of("INTERVIEW_STORE", "postgres", "ADMIN_TOKEN", " "));
        ConfigSource env = ConfigSource.of(Map.of("INTERVIEW_STORE", "jsonl", "ADMIN_TOKEN", "from-env"));
        ConfigSource layered = ConfigSource.firstOf(properties, parameters, env);
        assertThat(Settings.INTERVIEW_STORE.read(layered)).isEqualTo("memory");
        assertThat(Settings.ADMIN_TOKEN.read(layered)).isEqualTo("from-env");
        assertThat(Settings.INTERVIEW_LOG_DURABILITY.read(layered)).isEqualTo("flush");
    }

    @Test
    void anAliasIsReadInEachLayerBeforeTheNextLayer() {
        ConfigSource parameters = ConfigSource.of(Map.of("interview.api.autoregister", "true"));
        ConfigSource env = ConfigSource.of(Map.of("INTERVIEW_API_AUTOREGISTER", "false"));
        assertThat(Settings.INTERVIEW_API_AUTOREGISTER.read(ConfigSource.firstOf(parameters, env))).isTrue();
        assertThat(Settings.INTERVIEW_API_AUTOREGISTER.read(env)).isFalse();
        assertThat(Settings.OPENAI_DOMAIN_PUBLIC_KEY.read(ConfigSource.of(Map.of("DOMAIN_PUBLIC_KEY", "pk_1"))))
                .isEqualTo("pk_1");
    }

    @Test
    void systemPropertiesWinOverTheEnvironment() {
        String name = "INTERVIEW_LOG_RETENTION";
        String before = System.getProperty(name);
        System.setProperty(name, "3");
        try {
            assertThat(Settings.INTERVIEW_LOG_RETENTION.read(ConfigSource.standard())).isEqualTo(3);
            assertThat(Settings.INTERVIEW_LOG_RETENTION.read(ConfigSource.standard(ConfigSource.of(Map.of(name, "4")))))
                    .isEqualTo(3);
        } finally {
            if (before == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, before);
            }
        }
    }

    @Test
    void aSecretIsNeverRepeatedInTheMessage() {
        assertThatThrownBy(() -> Settings.USER_ID_COOKIE_SECRET.read(
                ConfigSource.of(Map.of("USER_ID_COOKIE_SECRET", "short-secret"))))
                .hasMessageContaining("USER_ID_COOKIE_SECRET").hasMessageContaining("16 bytes")
                .hasMessageNotContaining("short-secret");
    }

    @Test
    void theCookieSecretMinimumCountsUtf8Bytes() {
        // eight characters of two bytes each: 16 bytes, enough
        assertThat(Settings.USER_ID_COOKIE_SECRET.read(ConfigSource.of(Map.of("USER_ID_COOKIE_SECRET", "ääääääää"))))
                .hasSize(16);
    }

    @Test
    void namesAreUniqueAndEverySettingIsDocumented() {
        Set<String> seen = new HashSet<>();
        for (Setting<?> setting : Settings.all()) {
            for (String name : setting.names()) {
                assertThat(seen.add(name)).as("%s appears once", name).isTrue();
            }
            assertThat(setting.doc()).as(setting.name()).isNotBlank().doesNotContain("\n");
        }
    }
}

package com.landki.interview.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.landki.interview.openai.OpenAiConfig;
import com.landki.interview.store.StoreConfig;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void aSecretSettingIsRedactedOnceItWasRead() {
        String token = "adm-token-" + System.nanoTime();
        ConfigSource config = ConfigSource.of(Map.of("ADMIN_TOKEN", token, "INTERVIEW_JDBC_PASSWORD", "pw-" + token));
        assertThat(Redactor.redact("Authorization failed for " + token)).as("not read yet")
                .contains(token);

        Settings.ADMIN_TOKEN.read(config);
        Settings.INTERVIEW_JDBC_PASSWORD.read(config);

        assertThat(Redactor.redact("token " + token + ", password pw-" + token + ", again " + token))
                .isEqualTo("token <redacted>, password <redacted>, again <redacted>");
    }

    @Test
    void secretsGivenToBuildersAreRedacted() {
        String key = "custom-key-" + System.nanoTime();
        OpenAiConfig.builder().apiKey(key).build();
        String password = "db-pass-" + System.nanoTime();
        StoreConfig.builder().jdbcPassword(password).build();
        byte[] cookieKey = ("cookie-key-" + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        Redactor.register(cookieKey);

        assertThat(Redactor.redact("401: Incorrect API key provided: " + key)).doesNotContain(key)
                .endsWith("<redacted>");
        assertThat(Redactor.redact("FATAL: password authentication failed (" + password + ")"))
                .doesNotContain(password);
        assertThat(Redactor.redact(new String(cookieKey, StandardCharsets.UTF_8) + " / "
                + Base64.getEncoder().encodeToString(cookieKey))).isEqualTo("<redacted> / <redacted>");
    }

    @Test
    void secretsOfAKnownShapeAreRedactedWithoutBeingConfigured() {
        assertThat(Redactor.redact("key sk-proj-AbCdEf0123456789xyz rejected"))
                .isEqualTo("key sk-<redacted> rejected");
        assertThat(Redactor.redact("session secret ek_68d1f0a2b3c4d5e6f7_abc")).isEqualTo("session secret ek_<redacted>");
        assertThat(Redactor.redact("Authorization: Bearer eyJhbGciOi.payload.sig"))
                .isEqualTo("Authorization: Bearer <redacted>");
        assertThat(Redactor.redact("{\"id\":\"cksess_1\",\"client_secret\":\"whatever-it-is\"}"))
                .isEqualTo("{\"id\":\"cksess_1\",\"client_secret\":\"<redacted>\"}");
    }

    @Test
    void ordinaryTextAndShortValuesAreLeftAlone() {
        Redactor.register("short");
        Redactor.register((String) null);
        String text = "a short answer for thread thr_1 failed: the risk-free ek_ prefix";
        assertThat(Redactor.redact(text)).isEqualTo(text);
        assertThat(Redactor.redact(null)).isNull();
    }
}

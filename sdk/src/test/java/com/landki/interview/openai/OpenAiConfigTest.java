package com.landki.interview.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.landki.interview.config.ConfigSource;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenAiConfigTest {

    private static final String KEY = "sk-test-0123456789abcdef";

    @Test
    void fromEnvReadsEveryVariable() {
        OpenAiConfig config = OpenAiConfig.from(ConfigSource.of(Map.of(
                "OPENAI_API_KEY", KEY,
                "OPENAI_BASE_URL", "http://localhost:8080/v1/",
                "OPENAI_PROJECT_ID", "proj_1",
                "OPENAI_ORG_ID", "org_1")));

        assertThat(config.apiKey()).isEqualTo(KEY);
        assertThat(config.baseUrl()).hasToString("http://localhost:8080/v1");
        assertThat(config.projectId()).isEqualTo("proj_1");
        assertThat(config.organizationId()).isEqualTo("org_1");
    }

    @Test
    void fromEnvUsesDefaultsForUnsetAndBlankVariables() {
        OpenAiConfig config = OpenAiConfig.from(ConfigSource.of(Map.of(
                "OPENAI_API_KEY", KEY, "OPENAI_BASE_URL", "  ", "OPENAI_PROJECT_ID", "")));

        assertThat(config.baseUrl()).hasToString(OpenAiConfig.DEFAULT_BASE_URL);
        assertThat(config.projectId()).isNull();
        assertThat(config.organizationId()).isNull();
        assertThat(config.connectTimeout()).isEqualTo(OpenAiConfig.DEFAULT_CONNECT_TIMEOUT);
        assertThat(config.requestTimeout()).isEqualTo(OpenAiConfig.DEFAULT_REQUEST_TIMEOUT);
        assertThat(config.retryPolicy()).isSameAs(RetryPolicy.ofDefaults());
    }

    @Test
    void settersAfterFromEnvWinOverTheEnvironment() {
        OpenAiConfig config = OpenAiConfig.builder()
                .from(ConfigSource.of(Map.of("OPENAI_API_KEY", KEY, "OPENAI_BASE_URL", "http://env:1/v1",
                        "OPENAI_PROJECT_ID", "proj_env")))
                .baseUrl("http://code:2/v1")
                .projectId("proj_code")
                .build();

        assertThat(config.apiKey()).isEqualTo(KEY);
        assertThat(config.baseUrl()).hasToString("http://code:2/v1");
        assertThat(config.projectId()).isEqualTo("proj_code");
    }

    @Test
    void environmentWinsOverSettersCalledBeforeFromEnv() {
        OpenAiConfig config = OpenAiConfig.builder()
                .apiKey("sk-code")
                .from(ConfigSource.of(Map.of("OPENAI_API_KEY", KEY)))
                .build();

        assertThat(config.apiKey()).isEqualTo(KEY);
    }

    @Test
    void missingKeyNamesTheVariable() {
        assertThatThrownBy(() -> OpenAiConfig.from(ConfigSource.of(Map.of("OPENAI_BASE_URL", "http://x/v1"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OPENAI_API_KEY");
    }

    @Test
    void invalidBaseUrlNamesTheVariableAndTheValue() {
        assertThatThrownBy(() -> OpenAiConfig.from(ConfigSource.of(Map.of("OPENAI_API_KEY", KEY, "OPENAI_BASE_URL", "api.openai"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OPENAI_BASE_URL")
                .hasMessageContaining("'api.openai'");
        assertThatThrownBy(() -> OpenAiConfig.from(ConfigSource.of(Map.of("OPENAI_API_KEY", KEY, "OPENAI_BASE_URL", "ftp://x/v1"))))
                .hasMessageContaining("OPENAI_BASE_URL");
    }

    @Test
    void builderValidationNamesTheParameter() {
        OpenAiConfig.Builder b = OpenAiConfig.builder();
        assertThatThrownBy(() -> b.apiKey(" ")).hasMessage("apiKey must not be blank");
        assertThatThrownBy(() -> b.connectTimeout(Duration.ZERO)).hasMessageContaining("connectTimeout must be positive");
        assertThatThrownBy(() -> b.requestTimeout(Duration.ofSeconds(-1)))
                .hasMessageContaining("requestTimeout must be positive");
        assertThatThrownBy(() -> b.baseUrl("not a url")).hasMessageStartingWith("baseUrl must be");
    }

    @Test
    void toStringNeverShowsTheKey() {
        OpenAiConfig config = OpenAiConfig.builder().apiKey(KEY).projectId("proj_1").build();

        assertThat(config.toString()).doesNotContain(KEY).doesNotContain("0123456789")
                .contains("apiKey=<redacted>").contains("proj_1");
    }

    @Test
    void toBuilderCopiesEverySetting() {
        OpenAiConfig config = OpenAiConfig.builder().apiKey(KEY).baseUrl("http://h/v1").projectId("p")
                .organizationId("o").connectTimeout(Duration.ofSeconds(3)).requestTimeout(Duration.ofSeconds(4))
                .retryPolicy(RetryPolicy.none()).build();

        OpenAiConfig copy = config.toBuilder().build();

        assertThat(copy.toString()).isEqualTo(config.toString());
        assertThat(copy.apiKey()).isEqualTo(KEY);
    }
}

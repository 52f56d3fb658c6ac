package com.landki.interview.chatkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.landki.interview.config.ConfigSource;
import com.landki.interview.openai.OpenAiConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatKitClientConfigTest {

    @Test
    void fromEnvReadsConnectionAndWorkflow() {
        ChatKitClient client = ChatKitClient.from(ConfigSource.of(Map.of(
                "OPENAI_API_KEY", "sk-env", "OPENAI_BASE_URL", "http://proxy:9/v1", "OPENAI_PROJECT_ID", "proj",
                "OPENAI_ORG_ID", "org", "OPENAI_WORKFLOW_ID", "wf_env", "OPENAI_WORKFLOW_VERSION", "4")));

        assertThat(client.config().apiKey()).isEqualTo("sk-env");
        assertThat(client.config().baseUrl()).hasToString("http://proxy:9/v1");
        assertThat(client.config().projectId()).isEqualTo("proj");
        assertThat(client.config().organizationId()).isEqualTo("org");
        assertThat(client.defaultWorkflowId()).isEqualTo("wf_env");
        assertThat(client.defaultWorkflowVersion()).isEqualTo("4");
    }

    @Test
    void workflowIsOptionalAndBlankCountsAsUnset() {
        ChatKitClient client = ChatKitClient.from(ConfigSource.of(Map.of("OPENAI_API_KEY", "sk-env", "OPENAI_WORKFLOW_ID", " ")));

        assertThat(client.defaultWorkflowId()).isNull();
        assertThat(client.config().baseUrl()).hasToString(OpenAiConfig.DEFAULT_BASE_URL);
    }

    @Test
    void settersAfterFromEnvWin() {
        ChatKitClient client = ChatKitClient.builder()
                .from(ConfigSource.of(Map.of("OPENAI_API_KEY", "sk-env", "OPENAI_WORKFLOW_ID", "wf_env")))
                .apiKey("sk-code")
                .defaultWorkflowId("wf_code")
                .requestTimeout(Duration.ofSeconds(5))
                .build();

        assertThat(client.config().apiKey()).isEqualTo("sk-code");
        assertThat(client.defaultWorkflowId()).isEqualTo("wf_code");
        assertThat(client.config().requestTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void missingKeyNamesTheVariable() {
        assertThatThrownBy(() -> ChatKitClient.from(ConfigSource.of(Map.of("OPENAI_WORKFLOW_ID", "wf"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OPENAI_API_KEY");
    }

    @Test
    void invalidBaseUrlNamesTheVariable() {
        assertThatThrownBy(() -> ChatKitClient.from(ConfigSource.of(Map.of("OPENAI_API_KEY", "k", "OPENAI_BASE_URL", "::"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OPENAI_BASE_URL");
    }

    @Test
    void toStringHidesTheKey() {
        ChatKitClient client = ChatKitClient.builder().apiKey("sk-very-secret").defaultWorkflowId("wf_1").build();

        assertThat(client.toString()).doesNotContain("sk-very-secret").contains("wf_1").contains("<redacted>");
    }

    @Test
    void requestValidationNamesTheField() {
        assertThatThrownBy(() -> CreateSessionRequest.of(" ")).hasMessage("user must not be blank");
        CreateSessionRequest.Builder b = CreateSessionRequest.builder("u");
        assertThatThrownBy(() -> b.stateVariable("x".repeat(65), "v")).hasMessageContaining("1 to 64 characters");
        assertThatThrownBy(() -> b.stateVariable("k", Map.of())).hasMessageContaining("String, Number or Boolean");
        assertThatThrownBy(() -> b.fileUpload(true, 513, null)).hasMessageContaining("maxFileSizeMb");
        assertThatThrownBy(() -> b.fileUpload(true, null, 0)).hasMessageContaining("maxFiles");
        assertThatThrownBy(() -> b.history(true, 0)).hasMessageContaining("recentThreads");
        assertThatThrownBy(() -> b.expiresAfter(Duration.ofMillis(10))).hasMessageContaining("expiresAfter");
        assertThatThrownBy(() -> b.maxRequestsPerMinute(0)).hasMessageContaining("maxRequestsPerMinute");
        assertThatThrownBy(() -> ListOptions.builder().limit(0).build()).hasMessageContaining("limit");
        assertThatThrownBy(() -> ListOptions.builder().order("up").build()).hasMessageContaining("order");
    }
}

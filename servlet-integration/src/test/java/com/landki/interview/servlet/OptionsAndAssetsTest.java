package com.landki.interview.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.landki.interview.config.ChatBackend;
import com.landki.interview.config.ChatUi;
import com.landki.interview.store.InterviewStore;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionsAndAssetsTest {

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();

    private InterviewApiOptions fromEnv() {
        env.putIfAbsent("INTERVIEW_STORE", "memory");
        env.putIfAbsent("INTERVIEW_LOG_DIR", dir.toString());
        return InterviewApiOptions.from(env::get);
    }

    @Test
    void readsTheConfigurationTableVariables() {
        env.put("ADMIN_TOKEN", "t0ken");
        env.put("ALLOWED_ORIGINS", "https://landki.com/, https://b.example");
        env.put("TRUSTED_PROXIES", "10.0.0.0/8,::1");
        env.put("IP_ANONYMIZATION", "false");
        env.put("FEEDBACK_LIST_PUBLIC", "true");
        env.put("RATE_LIMIT_SESSION_PER_MIN", "0");
        env.put("CHATKIT_BACKEND", "server");
        env.put("DOMAIN_PUBLIC_KEY", "domain_pk_1");
        env.put("INTERVIEW_PROMPTS", "Eins|Erste Frage;Zwei|Zweite Frage");
        env.put("CHATKIT_UI", "Builtin");
        InterviewApiOptions options = fromEnv();
        assertThat(options.security().adminToken()).isEqualTo("t0ken");
        assertThat(options.security().allowedOrigins()).containsExactlyInAnyOrder("https://landki.com",
                "https://b.example");
        assertThat(options.security().trustedProxies()).containsExactly("10.0.0.0/8", "::1");
        assertThat(options.security().ipAnonymization()).isFalse();
        assertThat(options.security().feedbackListPublic()).isTrue();
        assertThat(options.rateLimits().sessionPerMin()).isZero();
        assertThat(options.rateLimits().feedbackPerMin()).isEqualTo(30);
        assertThat(options.backend().chatKitBackend()).isEqualTo(ChatBackend.SERVER);
        assertThat(options.page().domainPublicKey()).isEqualTo("domain_pk_1");
        assertThat(options.page().chatUi()).isEqualTo(ChatUi.BUILTIN);
        assertThat(options.page().prompts()).extracting(PageOptions.Prompt::label).containsExactly("Eins", "Zwei");
        assertThat(options.storeConfig().type()).isEqualTo("memory");
        assertThat(options.toString()).doesNotContain("t0ken");
    }

    @Test
    void badValuesNameTheVariable() {
        env.put("RATE_LIMIT_FEEDBACK_PER_MIN", "many");
        assertThatThrownBy(this::fromEnv).hasMessageContaining("RATE_LIMIT_FEEDBACK_PER_MIN");
        env.put("RATE_LIMIT_FEEDBACK_PER_MIN", "-1");
        assertThatThrownBy(this::fromEnv).hasMessageContaining("RATE_LIMIT_FEEDBACK_PER_MIN");
        env.remove("RATE_LIMIT_FEEDBACK_PER_MIN");
        env.put("IP_ANONYMIZATION", "maybe");
        assertThatThrownBy(this::fromEnv).hasMessageContaining("IP_ANONYMIZATION");
        env.remove("IP_ANONYMIZATION");
        env.put("CHATKIT_BACKEND", "cloud");
        assertThatThrownBy(this::fromEnv).hasMessageContaining("CHATKIT_BACKEND");
        env.remove("CHATKIT_BACKEND");
        env.put("CHATKIT_UI", "iframe");
        assertThatThrownBy(this::fromEnv).hasMessage("CHATKIT_UI: must be auto, builtin or chatkit, was 'iframe'");
    }

    @Test
    void builderValidatesWithMessagesThatSayWhatToDo() {
        assertThatThrownBy(() -> InterviewApiOptions.builder().build()).hasMessageContaining("InterviewStore");
        assertThatThrownBy(() -> InterviewApiOptions.builder().mountPath("api")).hasMessageContaining("mountPath");
        assertThat(InterviewApiOptions.builder().mountPath("/x/api/").store(InterviewStore.inMemory()).build()
                .mountPath()).isEqualTo("/x/api");
    }

    @Test
    void assetPathsNeverLeaveThePrefix() {
        assertThat(AssetServlet.normalize("/assets/app.js")).isEqualTo("assets/app.js");
        assertThat(AssetServlet.normalize("//assets/./app.js")).isEqualTo("assets/app.js");
        assertThat(AssetServlet.normalize("/")).isEmpty();
        assertThat(AssetServlet.normalize("/assets/../../secret.txt")).isNull();
        assertThat(AssetServlet.normalize("/..")).isNull();
        assertThat(AssetServlet.normalize("/a\\..\\b")).isNull();
        assertThat(AssetServlet.normalize("/c:/windows")).isNull();
    }
}

package com.landki.interview.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.landki.interview.store.InterviewStore;
import com.landki.interview.testing.ChatKitRequests;
import com.landki.interview.testing.ResponsesStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The starter in a real Boot web application on embedded Tomcat, as a user adds it. */
class InterviewAutoConfigurationTest {

    @StartStop
    private final MockWebServer upstream = new MockWebServer();

    @TempDir
    Path logs;

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class AppWithStore {
        @Bean
        InterviewStore myStore() {
            return InterviewStore.inMemory();
        }
    }

    @Test
    void servesPageDashboardApiAndStreamedAnswerFromInterviewProperties() throws Exception {
        try (BootApp app = BootApp.start(App.class, Map.of(
                "interview.chatkit.backend", "server",
                "interview.openai.api-key", "sk-boot-test",
                "interview.openai.base-url", upstream.url("/v1").toString(),
                "interview.openai.vector-store-id", "vs_boot",
                "interview.log-dir", logs.toString(),
                "interview.admin-token", "boot-admin"))) {
            for (String page : new String[] {"/interview/", "/interview/dashboard/"}) {
                HttpResponse<String> html = app.get(page, Map.of());
                assertThat(html.statusCode()).as(page).isEqualTo(200);
                assertThat(html.body()).containsIgnoringCase("<!doctype html");
            }
            HttpResponse<String> redirect = app.get("/interview/dashboard", Map.of());
            assertThat(redirect.statusCode()).isEqualTo(301);
            assertThat(redirect.headers().firstValue("Location").orElseThrow()).endsWith("/interview/dashboard/");
            assertThat(app.get("/interview", Map.of()).statusCode()).isEqualTo(301);

            HttpResponse<String> health = app.get("/interview/api/health", Map.of());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"store\":\"jsonl\"").contains("\"backend\":\"server\"")
                    .doesNotContain("sk-boot-test");
            assertThat(app.get("/interview/api/admin/stats", Map.of()).statusCode()).as("admin without token").isEqualTo(401);
            assertThat(app.get("/interview/api/admin/stats", bearer("boot-admin")).statusCode()).isEqualTo(200);

            String answer = "Die Interviews handeln von KI im Landkreis.";
            upstream.enqueue(ResponsesStream.answer("resp_boot", answer).response());
            HttpResponse<String> stream = app.post("/interview/api/chatkit",
                    ChatKitRequests.threadsCreate("Worum geht es?"), Map.of());
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
            assertThat(stream.body()).contains("thread.created").contains("leitfaden.pdf").contains("thread.item.done");
            assertThat(upstream.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/responses");

            HttpResponse<String> prometheus = app.get("/actuator/prometheus", Map.of());
            assertThat(prometheus.statusCode()).isEqualTo(200);
            assertThat(prometheus.body()).as("Boot's registry has our meters").contains("interview_");
        }
        // closed on shutdown: the JSONL store's directory lock is free again
        try (BootApp again = BootApp.start(App.class, Map.of("interview.log-dir", logs.toString()))) {
            assertThat(again.get("/interview/api/health", Map.of()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void environmentVariableNamesAndUserBeansWork() throws Exception {
        try (BootApp app = BootApp.start(AppWithStore.class, Map.of(
                "INTERVIEW_API_MOUNT_PATH", "/chat/api", "ADMIN_TOKEN", "readme-name"))) {
            HttpResponse<String> health = app.get("/chat/api/health", Map.of());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).as("the application's store bean").contains("\"store\":\"memory\"");
            assertThat(app.get("/chat/api/admin/stats", bearer("readme-name")).statusCode()).isEqualTo(200);
            assertThat(app.get("/chat/", Map.of()).statusCode()).as("pages beside the moved API").isEqualTo(200);
        }
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }
}

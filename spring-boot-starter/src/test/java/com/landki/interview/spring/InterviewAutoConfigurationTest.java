package com.landki.interview.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.landki.interview.store.InterviewStore;
import com.landki.interview.testing.ChatKitRequests;
import com.landki.interview.testing.ResponsesStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The starter in a real Boot web application on embedded Tomcat, as a user adds it. */
class InterviewAutoConfigurationTest {

    @StartStop
    private final MockWebServer upstream = new MockWebServer();

    @TempDir
    Path logs;

    private final HttpClient http = HttpClient.newHttpClient();
    private int port;

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
        try (ConfigurableApplicationContext context = start(App.class, Map.of(
                "interview.chatkit.backend", "server",
                "interview.openai.api-key", "sk-boot-test",
                "interview.openai.base-url", upstream.url("/v1").toString(),
                "interview.openai.vector-store-id", "vs_boot",
                "interview.log-dir", logs.toString(),
                "interview.admin-token", "boot-admin"))) {
            for (String page : new String[] {"/interview/", "/interview/dashboard/"}) {
                HttpResponse<String> html = get(page, null);
                assertThat(html.statusCode()).as(page).isEqualTo(200);
                assertThat(html.body()).containsIgnoringCase("<!doctype html");
            }
            HttpResponse<String> redirect = get("/interview/dashboard", null);
            assertThat(redirect.statusCode()).isEqualTo(301);
            assertThat(redirect.headers().firstValue("Location").orElseThrow()).endsWith("/interview/dashboard/");
            assertThat(get("/interview", null).statusCode()).isEqualTo(301);

            HttpResponse<String> health = get("/interview/api/health", null);
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"store\":\"jsonl\"").contains("\"backend\":\"server\"")
                    .doesNotContain("sk-boot-test");
            assertThat(get("/interview/api/admin/stats", null).statusCode()).as("admin without token").isEqualTo(401);
            assertThat(get("/interview/api/admin/stats", "boot-admin").statusCode()).isEqualTo(200);

            String answer = "Die Interviews handeln von KI im Landkreis.";
            upstream.enqueue(ResponsesStream.answer("resp_boot", answer).response());
            HttpResponse<String> stream = http.send(HttpRequest.newBuilder(uri("/interview/api/chatkit"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(ChatKitRequests.threadsCreate("Worum geht es?")))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
            assertThat(stream.body()).contains("thread.created").contains("leitfaden.pdf").contains("thread.item.done");
            assertThat(upstream.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/responses");

            HttpResponse<String> prometheus = get("/actuator/prometheus", null);
            assertThat(prometheus.statusCode()).isEqualTo(200);
            assertThat(prometheus.body()).as("Boot's registry has our meters").contains("interview_");
        }
        // closed on shutdown: the JSONL store's directory lock is free again
        try (ConfigurableApplicationContext again = start(App.class, Map.of("interview.log-dir", logs.toString()))) {
            assertThat(get("/interview/api/health", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void environmentVariableNamesAndUserBeansWork() throws Exception {
        try (ConfigurableApplicationContext context = start(AppWithStore.class, Map.of(
                "INTERVIEW_API_MOUNT_PATH", "/chat/api", "ADMIN_TOKEN", "readme-name"))) {
            HttpResponse<String> health = get("/chat/api/health", null);
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).as("the application's store bean").contains("\"store\":\"memory\"");
            assertThat(get("/chat/api/admin/stats", "readme-name").statusCode()).isEqualTo(200);
            assertThat(get("/chat/", null).statusCode()).as("pages beside the moved API").isEqualTo(200);
        }
    }

    private ConfigurableApplicationContext start(Class<?> app, Map<String, Object> properties) {
        Map<String, Object> all = new java.util.HashMap<>(properties);
        all.put("server.port", "0");
        all.put("management.endpoints.web.exposure.include", "prometheus");
        all.put("spring.main.banner-mode", "off");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(app).properties(all).run();
        port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        return context;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(uri(path));
        if (token != null) {
            req.header("Authorization", "Bearer " + token);
        }
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

}

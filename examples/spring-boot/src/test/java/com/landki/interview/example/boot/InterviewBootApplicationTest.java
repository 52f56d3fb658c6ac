package com.landki.interview.example.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.landki.interview.testing.ChatKitRequests;
import com.landki.interview.testing.ResponsesStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The example as it runs: Boot 3.5 on embedded Tomcat 10.1, OpenAI replaced by a scripted Responses API. */
class InterviewBootApplicationTest {

    @StartStop
    private final MockWebServer upstream = new MockWebServer();

    @TempDir
    Path logs;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesPageDashboardApiAndAStreamedAnswer() throws Exception {
        try (ConfigurableApplicationContext app = SpringApplication.run(InterviewBootApplication.class,
                "--server.port=0", "--spring.main.banner-mode=off",
                "--interview.chatkit.backend=server",
                "--interview.openai.api-key=sk-example",
                "--interview.openai.base-url=" + upstream.url("/v1"),
                "--interview.openai.vector-store-id=vs_example",
                "--interview.log-dir=" + logs)) {
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            assertThat(get(base + "/interview/").body()).containsIgnoringCase("<!doctype html");
            assertThat(get(base + "/interview/dashboard/").body()).containsIgnoringCase("<!doctype html");
            assertThat(get(base + "/interview/dashboard").statusCode()).isEqualTo(301);

            HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(URI.create(base + "/interview/api/feedback"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://landki.com").header("Access-Control-Request-Method", "POST")
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                    .as("the YAML list of allowed origins").hasValue("https://landki.com");

            upstream.enqueue(ResponsesStream.answer("resp_example", "Es geht um KI im Landkreis.").response());
            HttpResponse<String> stream = http.send(HttpRequest.newBuilder(URI.create(base + "/interview/api/chatkit"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(ChatKitRequests.threadsCreate("Worum geht es?")))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(stream.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
            assertThat(stream.body()).contains("thread.created").contains("Landkreis").contains("thread.item.done");

            assertThat(get(base + "/actuator/prometheus").body()).contains("interview_");
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}

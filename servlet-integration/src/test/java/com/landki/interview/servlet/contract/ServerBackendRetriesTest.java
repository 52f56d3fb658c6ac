package com.landki.interview.servlet.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.landki.interview.servlet.InterviewApiOptions;
import com.landki.interview.testing.ServletContainer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The {@code server} backend wired from the environment: the Responses agent's retries reach
 * {@code interview_upstream_retries_total} like the ChatKit client's.
 */
@Timeout(60)
class ServerBackendRetriesTest {

    @StartStop
    final MockWebServer upstream = new MockWebServer();

    @Test
    void responsesAgentRetriesAreCounted() throws Exception {
        StickyUpstream script = new StickyUpstream();
        script.answer(StickyUpstream.error(500, "server had an error", "req_500"));
        upstream.setDispatcher(script);
        Path logDir = Files.createTempDirectory("server-retries");
        Map<String, String> env = Map.of("OPENAI_API_KEY", "sk-retries-test",
                "OPENAI_BASE_URL", upstream.url("/v1").toString(), "CHATKIT_BACKEND", "server",
                "INTERVIEW_STORE", "memory", "INTERVIEW_LOG_DIR", logDir.toString());
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        InterviewApiOptions options = InterviewApiOptions.from(env::get).toBuilder().meterRegistry(registry).build();

        try (ServletContainer container = MountedApi.start(ServletContainer.Kind.JETTY, options)) {
            HttpResponse<String> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(container.base() + "/interview/api/chatkit"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"threads.create\",\"params\":{\"input\":"
                            + "{\"content\":[{\"type\":\"input_text\",\"text\":\"Hallo\"}],\"attachments\":[],"
                            + "\"inference_options\":{}}},\"metadata\":{}}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(res.statusCode()).isEqualTo(200);
            assertThat(res.body()).contains("thread.created").contains("error");
        }

        assertThat(upstream.getRequestCount()).as("attempts").isEqualTo(3);
        RecordedRequest first = upstream.takeRequest();
        assertThat(first.getUrl().encodedPath()).isEqualTo("/v1/responses");
        assertThat(registry.scrape()).contains("interview_upstream_retries_total 2.0");
    }
}

package com.landki.interview.servlet.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.landki.interview.servlet.InterviewApiOptions;
import com.landki.interview.testing.EmbeddedPostgresServer;
import com.landki.interview.testing.ServletContainer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 17, finding 13: when PostgreSQL goes down, a request waits for a connection only as long as
 * {@code INTERVIEW_JDBC_CONNECT_TIMEOUT_MS} (2 s by default), then gets 503 {@code store_unavailable} with
 * {@code Retry-After}. Before, HikariCP's default held every request for 30 s, and the thread pool ran dry.
 */
@Timeout(120)
class StoreOutageTest {

    /** Well above the 2 s timeout, well below HikariCP's 30 s default: a request held that long fails here. */
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private EmbeddedPostgres postgres;
    private ServletContainer container;

    @AfterEach
    void stop() throws Exception {
        if (container != null) {
            container.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aDatabaseThatWentDownIsAnswered503StoreUnavailableWithRetryAfterWithinTheConnectTimeout()
            throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        Map<String, String> env = Map.of("INTERVIEW_STORE", "postgres",
                "INTERVIEW_JDBC_URL", postgres.getJdbcUrl(EmbeddedPostgresServer.USER, "postgres"),
                "INTERVIEW_JDBC_USER", EmbeddedPostgresServer.USER);
        container = MountedApi.start(ServletContainer.Kind.JETTY, InterviewApiOptions.from(env::get));
        assertThat(postFeedback().statusCode()).as("with the database up").isEqualTo(201);

        postgres.close(); // stops the server: its port is closed now, the pool's connections are broken
        postgres = null;

        // the first request may fail on a pooled connection that is already broken; every one must answer 503
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> res = postFeedback();
            assertThat(res.statusCode()).as("request %d", i).isEqualTo(503);
            assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(res.headers().firstValue("Retry-After")).hasValue("5");
            JsonNode error = new ObjectMapper().readTree(res.body()).path("error");
            assertThat(error.path("code").asText()).isEqualTo("store_unavailable");
            assertThat(res.body()).doesNotContain("jdbc:").doesNotContain("at com.");
        }
    }

    private HttpResponse<String> postFeedback() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(container.base() + "/interview/api/feedback"))
                .timeout(CLIENT_TIMEOUT) // the request fails with HttpTimeoutException if the answer is not back
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"session_id\":\"outage\",\"comment\":\"still there?\"}"))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}

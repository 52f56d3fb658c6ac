package com.landki.interview.servlet.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.landki.interview.servlet.InterviewApiOptions;
import com.landki.interview.store.InterviewStore;
import com.landki.interview.testing.ServletContainer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The host's own Micrometer registry takes the API's meters; {@code /metrics} scrapes it only if it is Prometheus. */
@Timeout(60)
class HostMeterRegistryTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aSimpleRegistryGetsTheMetersAndMetricsSaysItIsNotPrometheus() throws Exception {
        SimpleMeterRegistry host = new SimpleMeterRegistry();
        try (ServletContainer container = start(host)) {
            assertThat(postFeedback(container).statusCode()).isEqualTo(201);
            HttpResponse<String> metrics = get(container, "/interview/api/metrics");
            assertThat(metrics.statusCode()).isEqualTo(503);
            assertThat(metrics.body()).contains("not_configured").contains("PrometheusMeterRegistry");
        }
        assertThat(host.get("interview.feedback").tag("category", "helpful").counter().count()).isEqualTo(1.0);
        // the host's registry gets the API's meters, among them its routes, but not JVM meters: those are the host's
        assertThat(host.get("interview.http.server.requests").tag("route", "/feedback").tag("status_class", "2xx")
                .timer()).isNotNull();
        assertThat(host.find("jvm.memory.used").meters()).isEmpty();
        assertThat(host.find("process.cpu").meters()).isEmpty();
    }

    @Test
    void theApisOwnRegistryHasTheJvmMeters() throws Exception {
        InterviewApiOptions options = InterviewApiOptions.builder().store(InterviewStore.inMemory()).build();
        try (ServletContainer container = MountedApi.start(ServletContainer.Kind.TOMCAT, options)) {
            HttpResponse<String> metrics = get(container, "/interview/api/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("jvm_memory_used_bytes{").contains("jvm_threads_live_threads ")
                    .contains("process_cpu_seconds_total ").contains("process_uptime_seconds ")
                    .contains("interview_http_server_requests_seconds_bucket{method=\"GET\",route=\"/metrics\"");
        }
        assertThat(options.meterRegistry().find("jvm.memory.used").meters()).isNotEmpty();
    }

    @Test
    void aCompositeWithAPrometheusRegistryIsScraped() throws Exception {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        CompositeMeterRegistry host = new CompositeMeterRegistry();
        host.add(new SimpleMeterRegistry());
        host.add(prometheus);
        try (ServletContainer container = start(host)) {
            assertThat(postFeedback(container).statusCode()).isEqualTo(201);
            HttpResponse<String> metrics = get(container, "/interview/api/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("interview_feedback_total{category=\"helpful\"");
        }
    }

    private static ServletContainer start(MeterRegistry registry) throws Exception {
        // no admin token: the direct loopback client of the test is admin
        return MountedApi.start(ServletContainer.Kind.JETTY, InterviewApiOptions.builder()
                .store(InterviewStore.inMemory()).meterRegistry(registry).build());
    }

    private HttpResponse<String> postFeedback(ServletContainer container) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(container.base() + "/interview/api/feedback"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"session_id\":\"m\",\"category\":\"helpful\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(ServletContainer container, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(container.base() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

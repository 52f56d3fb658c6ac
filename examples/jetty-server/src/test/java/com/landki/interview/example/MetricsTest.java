package com.landki.interview.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.landki.interview.testing.ChatKitRequests;
import com.landki.interview.testing.ResponsesStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} of the example server after real traffic (the own ChatKit server streaming a scripted
 * Responses API, a failing Responses call, feedback, an unknown path): Prometheus' own {@code promtool check
 * metrics} accepts the scrape without a single complaint, latencies are bucketed histograms, the JVM and
 * process meters are there, routes are templates, and {@code Accept: application/openmetrics-text} gets
 * OpenMetrics.
 */
@Timeout(60)
class MetricsTest {

    private static final String OPENMETRICS = "application/openmetrics-text";

    @TempDir
    Path logDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private MockWebServer upstream;
    private Server server;
    private String api;

    @BeforeEach
    void start() throws Exception {
        upstream = new MockWebServer();
        upstream.start();
        server = ServerBackend.start(upstream, logDir);
        api = "http://127.0.0.1:" + InterviewServer.port(server) + "/interview/api";
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        upstream.close();
    }

    @Test
    void everySeriesIsThereFromTheStartAtZero() throws Exception {
        HttpResponse<String> scrape = scrape(null);
        assertThat(scrape.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        String text = scrape.body();
        assertThat(text)
                .contains("interview_answers_total{backend=\"server\",source=\"marker\"} 0.0")
                .contains("interview_upstream_errors_total{api=\"responses\",code=\"upstream_rate_limited\"} 0.0")
                .contains("interview_upstream_errors_total{api=\"chatkit\",code=\"upstream_timeout\"} 0.0")
                .contains("interview_sessions_failed_total{code=\"upstream_unauthorized\"} 0.0")
                .contains("interview_rate_limit_rejections_total{endpoint=\"chatkit\"} 0.0")
                .contains("interview_feedback_total{category=\"helpful\",kind=\"public\"} 0.0")
                .contains("interview_responses_first_token_seconds_count 0")
                .contains("interview_upstream_latency_seconds_count{api=\"responses\"} 0")
                .contains("interview_http_server_requests_seconds_count{method=\"POST\",route=\"/chatkit/session\","
                        + "status_class=\"5xx\"} 0");
        assertThat(promtool(text)).isEmpty();
    }

    @Test
    void aScrapeAfterTrafficPassesPromtoolWithHistogramsJvmMetersAndRouteTemplates() throws Exception {
        String answer = "Die Interviews handeln von KI.";
        upstream.enqueue(ResponsesStream.create("resp_1").start("m_1").delta("m_1", answer).itemDone("m_1", answer)
                .completed("resp_1").response());
        upstream.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}")
                .build());
        for (String question : new String[] {"Worum geht es?", "Und sonst?"}) {
            HttpResponse<String> streamed = post("/chatkit", ChatKitRequests.threadsCreate(question));
            assertThat(streamed.statusCode()).isEqualTo(200);
        }
        assertThat(post("/feedback", "{\"session_id\":\"s1\",\"category\":\"helpful\"}").statusCode()).isEqualTo(201);
        assertThat(get("/health").statusCode()).isEqualTo(200);
        assertThat(get("/no/such/path-7731").statusCode()).isEqualTo(404);

        // a request is recorded when its answer is complete on the server, which may be just after the client has it
        String chatkit = "interview_http_server_requests_seconds_count{method=\"POST\",route=\"/chatkit\","
                + "status_class=\"2xx\"} 2";
        String text = await().atMost(Duration.ofSeconds(10)).until(() -> scrape(null).body(), t -> t.contains(chatkit)
                && t.contains("route=\"unmatched\",status_class=\"4xx\"} 1"));
        assertThat(promtool(text)).as("promtool check metrics").isEmpty();

        // bucketed latencies with the documented bounds in seconds: quantiles and SLO ratios can be computed
        assertThat(text).contains("# TYPE interview_upstream_latency_seconds histogram")
                .contains("interview_upstream_latency_seconds_bucket{api=\"responses\",le=\"0.5\"}")
                .contains("interview_upstream_latency_seconds_bucket{api=\"responses\",le=\"+Inf\"} 2")
                .contains("interview_upstream_latency_seconds_count{api=\"responses\"} 2")
                .contains("# TYPE interview_responses_first_token_seconds histogram")
                .contains("interview_responses_first_token_seconds_bucket{le=\"+Inf\"} 1")
                .contains("interview_upstream_errors_total{api=\"responses\",code=\"upstream_unauthorized\"} 1.0")
                .contains("interview_answers_total{backend=\"server\",source=\"none\"} 1.0")
                .contains("interview_feedback_total{category=\"helpful\",kind=\"public\"} 1.0");
        // per route template and status class; the raw path never becomes a label
        assertThat(text).contains("# TYPE interview_http_server_requests_seconds histogram")
                .contains(chatkit)
                .contains("interview_http_server_requests_seconds_count{method=\"POST\",route=\"/feedback\","
                        + "status_class=\"2xx\"} 1")
                .contains("interview_http_server_requests_seconds_count{method=\"GET\",route=\"unmatched\","
                        + "status_class=\"4xx\"} 1")
                .contains("interview_http_server_requests_seconds_bucket{method=\"GET\",route=\"/health\","
                        + "status_class=\"2xx\",le=\"0.005\"}")
                .doesNotContain("path-7731");
        assertThat(undocumented(text)).as("families missing from docs/operations.md, Metrics").isEmpty();
        // Micrometer's JVM and process binders
        assertThat(text).contains("jvm_memory_used_bytes{area=\"heap\"").contains("jvm_gc_")
                .contains("jvm_threads_live_threads").contains("jvm_classes_loaded_classes")
                .contains("process_cpu_usage").contains("process_cpu_seconds_total ").contains("system_cpus ").contains("process_uptime_seconds").contains("process_start_time_seconds")
                .contains("process_files_open_files");
    }

    @Test
    void openMetricsWhenTheAcceptHeaderPrefersIt() throws Exception {
        // what Prometheus 2.x sends
        HttpResponse<String> open = scrape("application/openmetrics-text;version=1.0.0;q=0.5,"
                + "application/openmetrics-text;version=0.0.1;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2");
        assertThat(open.headers().firstValue("Content-Type")).hasValue(OPENMETRICS + "; version=1.0.0; charset=utf-8");
        assertThat(open.headers().firstValue("Vary")).hasValue("Accept");
        assertThat(open.body()).endsWith("# EOF\n").contains("# TYPE interview_answers counter")
                .contains("interview_answers_total{backend=\"server\",source=\"marker\"} 0.0");

        HttpResponse<String> text = scrape("text/plain;q=1," + OPENMETRICS + ";q=0.5");
        assertThat(text.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(text.body()).doesNotContain("# EOF");
    }

    @Test
    void everyDocumentedInterviewMetricIsInTheScrape() throws Exception {
        Set<String> families = families(scrape(null).body());
        assertThat(documented().stream().filter(name -> name.startsWith("interview_"))).isNotEmpty()
                .allSatisfy(name -> assertThat(families).contains(name));
    }

    /**
     * The metric families of {@code text} that the table in docs/operations.md does not name; a histogram's or
     * summary's {@code _max} gauge belongs to its row, and {@code jvm_gc_*} families vary with the collector.
     */
    private static Set<String> undocumented(String text) throws IOException {
        Set<String> documented = documented();
        Set<String> missing = new TreeSet<>();
        for (String family : families(text)) {
            String base = family.endsWith("_max") ? family.substring(0, family.length() - 4) : family;
            if (!documented.contains(family) && !documented.contains(base) && !family.startsWith("jvm_gc_")) {
                missing.add(family);
            }
        }
        return missing;
    }

    /** The names in the first column of the metrics table of docs/operations.md. */
    private static Set<String> documented() throws IOException {
        String doc = Files.readString(Path.of("../../docs/operations.md"));
        String section = doc.substring(doc.indexOf("## Metrics"));
        Set<String> names = new TreeSet<>();
        for (String line : section.split("\n")) {
            if (line.startsWith("| `")) {
                Matcher name = Pattern.compile("`([a-z0-9_]+)`").matcher(line.split("\\|")[1]);
                while (name.find()) {
                    names.add(name.group(1));
                }
            }
        }
        return names;
    }

    private static Set<String> families(String text) {
        Set<String> families = new TreeSet<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                families.add(line.split(" ")[2]);
            }
        }
        return families;
    }

    /** What {@code promtool check metrics} says about {@code text}: empty when it has no complaint. */
    private static String promtool(String text) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("promtool is needed (Debian: apt-get install prometheus; .ci/run installs it)", e);
        }
        try (OutputStream in = process.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.exitValue() == 0 ? out.strip() : "exit " + process.exitValue() + ": " + out;
    }

    private HttpResponse<String> scrape(String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + "/metrics")).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(api + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(api + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

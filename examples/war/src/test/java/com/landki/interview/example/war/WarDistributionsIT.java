package com.landki.interview.example.war;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.landki.interview.testing.ChatKitRequests;
import com.landki.interview.testing.ResponsesStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WAR as an operator deploys it: dropped into real Tomcat 11 and Jetty 12 distributions under the context
 * path {@code /shop}, configured by environment variables, with the own ChatKit server answering through a
 * scripted Responses API. Checks the page and its assets, the dashboard, the API and a streamed answer, then
 * undeploys it and asserts that nothing of the application keeps running.
 */
class WarDistributionsIT {

    private static final String CONTEXT = "shop";
    /** Threads the application starts (the SDK's HTTP client and timers, store and stream executors). */
    private static final Pattern APP_THREAD = Pattern.compile("^\"(HttpClient-\\d+-[^\"]*|openai-[^\"]*|interview-[^\"]*)\"",
            Pattern.MULTILINE);

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    private final MockWebServer upstream = new MockWebServer();

    @TempDir
    Path work;
    private Distribution current;

    @BeforeEach
    void startUpstream() throws IOException {
        upstream.start();
    }

    @AfterEach
    void stopUpstream() {
        upstream.close();
    }

    @Test
    void tomcat() throws Exception {
        try (Distribution tomcat = Distribution.tomcat(Path.of(System.getProperty("tomcat.home")), work.resolve("base"))) {
            exercise(tomcat);
            // the valve docs/operations.md sets on the <Host>: a request line the connector cannot parse gets
            // Tomcat's JSON, not an HTML page with its version, the exception's message and the Coyote stack
            String refused = raw(tomcat, "G(T /" + CONTEXT + "/interview/api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\n\r\n");
            assertThat(refused).startsWith("HTTP/1.1 400");
            assertThat(refused.toLowerCase(java.util.Locale.ROOT)).contains("content-type: application/json");
            assertThat(refused).contains("\"status\"").doesNotContain("<html").doesNotContain("Invalid character")
                    .doesNotContain("at org.apache").doesNotContain("Apache Tomcat");
            tomcat.close();
            // Tomcat's own leak detection at undeploy: threads, timers and thread locals the application left
            assertThat(tomcat.log()).doesNotContain("appears to have started a thread")
                    .doesNotContain("failed to stop it").doesNotContain("created a ThreadLocal")
                    .doesNotContain("SLF4J(W)");
        }
    }

    @Test
    void jetty() throws Exception {
        try (Distribution jetty = Distribution.jetty(Path.of(System.getProperty("jetty.home")), work.resolve("base"))) {
            exercise(jetty);
            jetty.close();
            assertThat(jetty.log()).doesNotContain("SLF4J(W)");
        }
    }

    private void exercise(Distribution container) throws Exception {
        current = container;
        container.start(Path.of(System.getProperty("war.file")), CONTEXT, Map.of(
                "CHATKIT_BACKEND", "server",
                "OPENAI_API_KEY", "sk-war-test",
                "OPENAI_BASE_URL", upstream.url("/v1").toString(),
                "OPENAI_VECTOR_STORE_ID", "vs_war",
                "INTERVIEW_LOG_DIR", work.resolve("logs").toString()));
        String root = "/" + CONTEXT + "/interview/";

        for (String page : List.of(root, root + "dashboard/")) {
            HttpResponse<String> html = get(page);
            assertThat(html.statusCode()).as(container.name() + " " + page).isEqualTo(200);
            assertThat(html.body()).containsIgnoringCase("<!doctype html");
            assertAssetsLoad(container, container.uri(page), html.body());
        }
        assertThat(get("/" + CONTEXT + "/interview").body()).as("slash-less page URL").containsIgnoringCase("<!doctype html");
        assertThat(get(root + "api/config").statusCode()).isEqualTo(200);

        String answer = "Die Interviews handeln von KI im Landkreis.";
        upstream.enqueue(ResponsesStream.answer("resp_war", answer).response());
        HttpResponse<String> stream = http.send(HttpRequest.newBuilder(container.uri(root + "api/chatkit"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ChatKitRequests.threadsCreate("Worum geht es?")))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        assertThat(stream.body()).contains("thread.created").contains("leitfaden.pdf").contains("thread.item.done");
        assertThat(upstream.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/responses");

        undeploy(container, root);
    }

    /** Every script and style sheet the page references loads below the context path. */
    private static String raw(Distribution container, String request) throws IOException {
        URI base = container.uri("/");
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private void assertAssetsLoad(Distribution container, URI page, String html) throws Exception {
        Matcher refs = Pattern.compile("(?:src|href)=\"([^\"]+\\.(?:js|css))\"").matcher(html);
        int count = 0;
        while (refs.find()) {
            URI asset = page.resolve(refs.group(1));
            assertThat(asset.getPath()).startsWith("/" + CONTEXT + "/interview/assets/");
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(asset).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(res.statusCode()).as(container.name() + " " + asset).isEqualTo(200);
            count++;
        }
        assertThat(count).as("assets of " + page).isGreaterThanOrEqualTo(2);
    }

    /**
     * Removes the WAR, as an operator undeploys it, then asks the JVM for its threads: after a garbage
     * collection none of the application's may be left (a thread left running pins the whole web application).
     */
    private void undeploy(Distribution container, String root) throws Exception {
        Files.delete(container.webapps().resolve(CONTEXT + ".war"));
        await(container.name() + " undeploying").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                .until(() -> get(root + "api/health").statusCode() == 404);
        await("no application thread left in " + container.name()).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    jcmd(container.pid(), "GC.run");
                    assertThat(applicationThreads(jcmd(container.pid(), "Thread.print"))).isEmpty();
                });
    }

    private static List<String> applicationThreads(String dump) {
        return APP_THREAD.matcher(dump).results().map(m -> m.group(1)).toList();
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("jcmd " + command + ": " + out).isZero();
        return out;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(current.uri(path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}

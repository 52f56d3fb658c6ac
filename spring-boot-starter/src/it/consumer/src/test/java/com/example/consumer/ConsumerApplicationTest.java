package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootVersion;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What a user of the starter sees: page, dashboard, API and a streamed answer of the own ChatKit server
 * (against a stand-in of the OpenAI Responses API), on the Boot version of the active profile, with the
 * library versions interview-bom manages.
 */
class ConsumerApplicationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void starterServesEverythingWithTheTestedVersions() throws Exception {
        assertEquals(System.getProperty("boot.version"), SpringBootVersion.getVersion(), "Boot on the class path");
        assertEquals(System.getProperty("expected.jackson"), pomVersion("com.fasterxml.jackson.core", "jackson-databind"));
        assertEquals(System.getProperty("expected.prometheus"), pomVersion("io.prometheus", "prometheus-metrics-core"));
        assertEquals(System.getProperty("expected.micrometer"),
                io.micrometer.core.instrument.MeterRegistry.class.getPackage().getImplementationVersion());

        byte[] answer;
        try (InputStream in = getClass().getResourceAsStream("/responses-answer.txt")) {
            answer = in.readAllBytes();
        }
        HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/v1/responses", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        upstream.start();
        Path logs = Files.createTempDirectory("consumer-logs");
        try (ConfigurableApplicationContext app = SpringApplication.run(ConsumerApplication.class,
                "--server.port=0", "--interview.chatkit.backend=server", "--interview.openai.api-key=sk-consumer",
                "--interview.openai.base-url=http://127.0.0.1:" + upstream.getAddress().getPort() + "/v1",
                "--interview.openai.vector-store-id=vs_consumer", "--interview.log-dir=" + logs,
                "--management.endpoints.web.exposure.include=prometheus")) {
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            assertTrue(get(base + "/interview/").body().toLowerCase().contains("<!doctype html"), "chat page");
            assertTrue(get(base + "/interview/dashboard/").body().toLowerCase().contains("<!doctype html"), "dashboard");
            assertEquals(301, get(base + "/interview").statusCode());
            HttpResponse<String> health = get(base + "/interview/api/health");
            assertEquals(200, health.statusCode());
            assertTrue(health.body().contains("\"backend\":\"server\""), health.body());

            HttpResponse<String> stream = http.send(HttpRequest.newBuilder(URI.create(base + "/interview/api/chatkit"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"threads.create\",\"params\":{\"input\":"
                            + "{\"content\":[{\"type\":\"input_text\",\"text\":\"Worum geht es?\"}],"
                            + "\"attachments\":[],\"inference_options\":{}}},\"metadata\":{}}"))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, stream.statusCode());
            assertTrue(stream.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            assertTrue(stream.body().contains("thread.item.done") && stream.body().contains("Landkreis"), stream.body());
            assertTrue(get(base + "/actuator/prometheus").body().contains("interview_"), "our meters in Boot's registry");
        } finally {
            upstream.stop(0);
        }
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String pomVersion(String group, String artifact) throws IOException {
        String path = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = ConsumerApplicationTest.class.getResourceAsStream(path)) {
            assertTrue(in != null, path);
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        }
    }
}

package com.landki.interview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.landki.interview.chatkit.ChatKitClient;
import com.landki.interview.chatkit.ChatKitSession;
import com.landki.interview.chatkit.CreateSessionRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README's SDK example: compiled and run here, and checked to be the README's text word for word. */
@Timeout(30)
class ReadmeExampleTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    static String readmeExample(String apiKey, String baseUrl) {
        // README-BEGIN
        ChatKitClient chatKit = ChatKitClient.builder()
                .apiKey(apiKey)                     // e.g. System.getenv("OPENAI_API_KEY")
                .baseUrl(baseUrl)                   // default https://api.openai.com/v1
                .defaultWorkflowId("wf_123")        // or ChatKitClient.fromEnv() for all OPENAI_* variables
                .build();                           // immutable and thread-safe: build once, share
        ChatKitSession session = chatKit.createSession(CreateSessionRequest.builder("user-123")
                .expiresAfter(Duration.ofMinutes(10))
                .maxRequestsPerMinute(10)
                .fileUpload(false, null, null)
                .build());
        String clientSecret = session.clientSecret(); // hand this to the browser, never the API key
        // README-END
        return clientSecret;
    }

    @Test
    void exampleCreatesASession() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"id\":\"cksess_1\",\"client_secret\":\"ek_1\","
                + "\"expires_at\":1764130200,\"status\":\"active\",\"user\":\"user-123\"}").build());

        String secret = readmeExample("sk-test", server.url("/v1").toString());

        assertThat(secret).isEqualTo("ek_1");
        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chatkit/sessions");
        assertThat(new ObjectMapper().readTree(request.getBody().utf8())).isEqualTo(new ObjectMapper().readTree(
                "{\"user\":\"user-123\",\"workflow\":{\"id\":\"wf_123\"},"
                        + "\"chatkit_configuration\":{\"file_upload\":{\"enabled\":false}},"
                        + "\"expires_after\":{\"anchor\":\"created_at\",\"seconds\":600},"
                        + "\"rate_limits\":{\"max_requests_per_1_minute\":10}}"));
    }

    @Test
    void readmeShowsExactlyThisExample() throws Exception {
        String source = Files.readString(Path.of("src/test/java/com/landki/interview/ReadmeExampleTest.java"));
        String snippet = dedent(source.substring(source.indexOf("// README-BEGIN\n") + 16,
                source.indexOf("        // README-END")));

        String readme = Files.readString(Path.of("../README.md"));

        assertThat(readme).contains(snippet);
    }

    private static String dedent(String block) {
        List<String> lines = Arrays.asList(block.split("\n"));
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return lines.stream().map(l -> l.length() >= indent ? l.substring(indent) : l.strip())
                .collect(Collectors.joining("\n")) + "\n";
    }
}

package com.landki.interview.servlet.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.landki.interview.chatkit.server.ChatKitServer;
import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.servlet.InterviewApi;
import com.landki.interview.servlet.InterviewApiOptions;
import com.landki.interview.servlet.chatkit.ChatKitProtocolServlet;
import com.landki.interview.servlet.internal.Json;
import com.landki.interview.store.InterviewStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ChatKit protocol servlet mounted by {@link InterviewApi} behind our filter: the signed cookie's user
 * owns the threads, and the Origin check and JSON errors apply to {@code /chatkit} too.
 */
@Timeout(60)
class ChatKitMountTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private static InterviewApiOptions options() {
        ChatKitServer chatKit = ChatKitServer.builder().store(ThreadStore.inMemory()).responder(turn -> { }).build();
        ChatKitProtocolServlet servlet = new ChatKitProtocolServlet(chatKit,
                req -> (String) req.getAttribute(InterviewApi.USER_ID_ATTRIBUTE),
                req -> Map.of("ip", req.getAttribute(InterviewApi.CLIENT_IP_ATTRIBUTE)), null,
                ChatKitProtocolServlet.DEFAULT_HEARTBEAT, ChatKitProtocolServlet.DEFAULT_STREAM_TIMEOUT);
        return InterviewApiOptions.builder().store(InterviewStore.inMemory()).chatKitBackend("server")
                .chatKitServlet(servlet).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void threadsBelongToTheCookiesUser(String kind) throws Exception {
        try (Container container = "jetty".equals(kind) ? Container.jetty(options()) : Container.tomcat(options())) {
            String url = container.base() + "/interview/api/chatkit";
            HttpResponse<String> created = post(url, "{\"type\":\"threads.create\",\"params\":{\"input\":{\"content\":"
                    + "[{\"type\":\"input_text\",\"text\":\"Hallo\"}],\"attachments\":[],\"inference_options\":{}}},"
                    + "\"metadata\":{}}", null, null);
            assertThat(created.statusCode()).isEqualTo(200);
            assertThat(created.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
            assertThat(created.body()).contains("thread.created");
            String setCookie = created.headers().firstValue("Set-Cookie").orElseThrow();
            String cookie = setCookie.substring(0, setCookie.indexOf(';'));

            JsonNode mine = Json.MAPPER.readTree(post(url, "{\"type\":\"threads.list\",\"params\":{}}", cookie, null).body());
            assertThat(mine.path("data")).hasSize(1);
            HttpResponse<String> stranger = post(url, "{\"type\":\"threads.list\",\"params\":{}}", null, null);
            assertThat(Json.MAPPER.readTree(stranger.body()).path("data")).isEmpty();

            HttpResponse<String> foreign = post(url, "{\"type\":\"threads.list\",\"params\":{}}", cookie,
                    "https://evil.example");
            assertThat(foreign.statusCode()).isEqualTo(403);
            assertThat(foreign.body()).contains("origin_not_allowed");

            JsonNode config = Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(
                    URI.create(container.base() + "/interview/api/config")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(config.path("backend").asText()).isEqualTo("server");
            assertThat(config.path("chatkit_configured").asBoolean()).isTrue();
            assertThat(config.path("chatkit_url").asText()).isEqualTo("/interview/api/chatkit");
        }
    }

    private HttpResponse<String> post(String url, String body, String cookie, String origin) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        if (origin != null) {
            builder.header("Origin", origin);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}

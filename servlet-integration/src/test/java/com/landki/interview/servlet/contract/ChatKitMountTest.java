package com.landki.interview.servlet.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.landki.interview.config.ChatBackend;
import com.landki.interview.chatkit.server.AttachmentOptions;
import com.landki.interview.chatkit.server.ChatKitServer;
import com.landki.interview.chatkit.server.setup.StoreHooks;
import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.chatkit.server.types.AssistantContent;
import com.landki.interview.chatkit.server.types.AssistantMessageItem;
import com.landki.interview.chatkit.server.types.ThreadStreamEvent;
import com.landki.interview.servlet.InterviewApi;
import com.landki.interview.servlet.InterviewApiOptions;
import com.landki.interview.servlet.internal.Json;
import com.landki.interview.store.ChatEvent;
import com.landki.interview.store.FeedbackEntry;
import com.landki.interview.store.InterviewStore;
import com.landki.interview.store.StoreConfig;
import com.landki.interview.testing.ServletContainer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ChatKit protocol servlet mounted by {@link InterviewApi} behind our filter: the signed cookie's user
 * owns the threads, and the Origin check and JSON errors apply to {@code /chatkit} too.
 */
@Timeout(60)
class ChatKitMountTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private static InterviewApiOptions options() {
        return options(InterviewStore.inMemory());
    }

    /** A server whose answers are one finished assistant message, its thumbs going to {@code store}. */
    private static InterviewApiOptions options(InterviewStore store) {
        return options(store, false);
    }

    /** As {@link #options(InterviewStore)}; {@code outOfScope}: every answer is reported out of scope and logged. */
    private static InterviewApiOptions options(InterviewStore store, boolean outOfScope) {
        ChatKitServer chatKit = ChatKitServer.builder().store(ThreadStore.inMemory())
                .responder(turn -> {
                    if (outOfScope) {
                        turn.reportOutOfScope("Wetter");
                    }
                    turn.emit(new ThreadStreamEvent.ThreadItemDone(new AssistantMessageItem(
                            turn.newItemId("msg"), turn.thread().id(), turn.now(),
                            List.of(AssistantContent.of("Antwort", List.of())))));
                })
                .feedbackListener(StoreHooks.feedbackTo(store.feedback()))
                .answerListener(StoreHooks.classifiedTo(store.chatLog()))
                .build();
        return InterviewApiOptions.builder().store(store)
                .backend(b -> b.chatKitBackend(ChatBackend.SERVER).chatKitServer(chatKit)).build();
    }

    /** A responder given in code: the API builds the own server around it, with threads in the configured store. */
    @ParameterizedTest
    @EnumSource(ServletContainer.Kind.class)
    void aResponderGivenInCodeAnswersThroughTheMountedServer(ServletContainer.Kind kind) throws Exception {
        InterviewApiOptions options = InterviewApiOptions.builder().store(InterviewStore.inMemory())
                .storeConfig(StoreConfig.builder().type(StoreConfig.TYPE_MEMORY).build())
                .backend(b -> b.responder(turn -> turn.emit(new ThreadStreamEvent.ThreadItemDone(
                        new AssistantMessageItem(turn.newItemId("msg"), turn.thread().id(), turn.now(),
                                List.of(AssistantContent.of("Eigene Antwort", List.of())))))))
                .build();
        try (ServletContainer container = MountedApi.start(kind, options)) {
            HttpResponse<String> created = post(container.base() + "/interview/api/chatkit", CREATE, null, null);
            assertThat(created.statusCode()).isEqualTo(200);
            assertThat(created.body()).contains("thread.created").contains("Eigene Antwort");
            JsonNode config = Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(
                    URI.create(container.base() + "/interview/api/config")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(config.path("backend").asText()).as("auto without a workflow").isEqualTo("server");
            assertThat(config.path("chatkit_configured").asBoolean()).isTrue();
            // the page's composer offers exactly what this server accepts (attachments in memory, no transcriber)
            JsonNode files = config.path("attachments");
            assertThat(files.path("enabled").asBoolean()).isTrue();
            assertThat(files.path("max_bytes").asLong()).isEqualTo(AttachmentOptions.DEFAULT_MAX_BYTES);
            assertThat(files.path("max_per_message").asInt()).isEqualTo(AttachmentOptions.MAX_PER_MESSAGE);
            assertThat(Json.MAPPER.convertValue(files.path("types"), List.class))
                    .isEqualTo(AttachmentOptions.DEFAULT_TYPES);
            assertThat(config.path("dictation").toString()).isEqualTo("{\"enabled\":false}");
        }
    }

    @ParameterizedTest
    @EnumSource(ServletContainer.Kind.class)
    void threadsBelongToTheCookiesUser(ServletContainer.Kind kind) throws Exception {
        try (ServletContainer container = MountedApi.start(kind, options())) {
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
            assertThat(config.path("attachments").toString()).as("a server without an attachment store")
                    .isEqualTo("{\"enabled\":false}");
        }
    }

    @ParameterizedTest
    @EnumSource(ServletContainer.Kind.class)
    void erasureRemovesThreadsWithTheirFeedback(ServletContainer.Kind kind) throws Exception {
        InterviewStore store = InterviewStore.inMemory();
        try (ServletContainer container = MountedApi.start(kind, options(store))) {
            String url = container.base() + "/interview/api/chatkit";
            HttpResponse<String> first = post(url, CREATE, null, null);
            String setCookie = first.headers().firstValue("Set-Cookie").orElseThrow();
            String cookie = setCookie.substring(0, setCookie.indexOf(';'));
            String userId = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf('.'));
            String threadA = threadId(first.body());
            JsonNode rated = Json.MAPPER.readTree(post(url, "{\"type\":\"items.feedback\",\"params\":{\"thread_id\":\""
                    + threadA + "\",\"item_ids\":[\"" + assistantItemId(first.body()) + "\"],\"kind\":\"negative\"}}",
                    cookie, null).body());
            assertThat(rated.isObject()).isTrue();
            assertThat(store.feedback().newest(10)).extracting(FeedbackEntry::sessionId).containsExactly(threadA);
            String threadB = threadId(post(url, CREATE, cookie, null).body());

            // the thread id is the server backend's session id: its feedback, its chat-log lines (thread.created,
            // response.classified) and the thread itself go
            JsonNode bySession = Json.MAPPER.readTree(erase(container, "session_id=" + threadA).body());
            assertThat(bySession.path("deleted").asLong()).isEqualTo(4);
            assertThat(bySession.path("threads_deleted").asInt()).isEqualTo(1);
            assertThat(store.feedback().newest(10)).isEmpty();
            assertThat(store.chatLog().newest(10)).extracting(ChatEvent::sessionId).doesNotContain(threadA).contains(threadB);
            assertThat(threadIds(post(url, LIST, cookie, null))).containsExactly(threadB);

            // "erase my data": every thread of the user
            JsonNode byUser = Json.MAPPER.readTree(erase(container, "user_id=" + userId).body());
            assertThat(byUser.path("threads_deleted").asInt()).isEqualTo(1);
            assertThat(threadIds(post(url, LIST, cookie, null))).isEmpty();
            assertThat(erase(container, "session_id=x&user_id=" + userId).statusCode()).isEqualTo(400);
        }
    }

    @ParameterizedTest
    @EnumSource(ServletContainer.Kind.class)
    void serverAndApiLogLinesOfAUserCarryTheSameKeyedHash(ServletContainer.Kind kind) throws Exception {
        InterviewStore store = InterviewStore.inMemory();
        try (ServletContainer container = MountedApi.start(kind, options(store, true))) {
            HttpResponse<String> first = post(container.base() + "/interview/api/chatkit", CREATE, null, null);
            assertThat(first.statusCode()).isEqualTo(200);
            String setCookie = first.headers().firstValue("Set-Cookie").orElseThrow();
            String cookie = setCookie.substring(0, setCookie.indexOf(';'));
            String userId = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf('.'));
            String threadId = threadId(first.body());
            HttpResponse<String> classified = post(container.base() + "/interview/api/classify",
                    "{\"user_question\":\"Wetter?\",\"assistant_reply\":\"Sonnig\",\"session_id\":\"cksess_1\"}",
                    cookie, null);
            assertThat(classified.statusCode()).isEqualTo(200);

            List<ChatEvent> events = store.chatLog().newest(10);
            ChatEvent server = events.stream().filter(e -> threadId.equals(e.threadId()))
                    .findFirst().orElseThrow();
            ChatEvent api = events.stream().filter(e -> "cksess_1".equals(e.sessionId())).findFirst().orElseThrow();
            assertThat(server.type()).isEqualTo(api.type()).isEqualTo("response.classified");
            String plain = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(userId.getBytes(StandardCharsets.UTF_8)));
            assertThat(server.userHash()).startsWith("uh_").isEqualTo(api.userHash())
                    .doesNotContain(userId).isNotEqualTo(plain.substring(0, 16));
        }
    }

    @ParameterizedTest
    @EnumSource(ServletContainer.Kind.class)
    void theMountedProtocolRefusesLikeEveryRoute(ServletContainer.Kind kind) throws Exception {
        try (ServletContainer container = MountedApi.start(kind, options())) {
            URI url = URI.create(container.base() + "/interview/api/chatkit");
            HttpResponse<String> get = http.send(HttpRequest.newBuilder(url).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(get.statusCode()).isEqualTo(405);
            assertThat(get.headers().firstValue("Allow")).contains("POST, OPTIONS");
            assertThat(Json.MAPPER.readTree(get.body()).path("error").path("code").asText())
                    .isEqualTo("method_not_allowed");

            HttpResponse<String> huge = post(url.toString(), "{\"type\":\"threads.list\",\"params\":{},\"metadata\":"
                    + "{\"x\":\"" + "a".repeat(70 * 1024) + "\"}}", null, null);
            assertThat(huge.statusCode()).isEqualTo(413);
            assertThat(Json.MAPPER.readTree(huge.body()).path("error").path("code").asText())
                    .isEqualTo("payload_too_large");

            HttpResponse<String> text = http.send(HttpRequest.newBuilder(url).header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString(LIST)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(text.statusCode()).isEqualTo(415);
            assertThat(Json.MAPPER.readTree(text.body()).path("error").path("code").asText())
                    .isEqualTo("unsupported_media_type");
        }
    }

    private static final String CREATE = "{\"type\":\"threads.create\",\"params\":{\"input\":{\"content\":"
            + "[{\"type\":\"input_text\",\"text\":\"Hallo\"}],\"attachments\":[],\"inference_options\":{}}},"
            + "\"metadata\":{}}";
    private static final String LIST = "{\"type\":\"threads.list\",\"params\":{}}";

    /** DELETE /admin/data from loopback, which is admin while no ADMIN_TOKEN is set. */
    private HttpResponse<String> erase(ServletContainer container, String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(container.base() + "/interview/api/admin/data?" + query))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> threadIds(HttpResponse<String> list) throws Exception {
        List<String> ids = new ArrayList<>();
        Json.MAPPER.readTree(list.body()).path("data").forEach(thread -> ids.add(thread.path("id").asText()));
        return ids;
    }

    private static String threadId(String sse) throws Exception {
        return event(sse, "thread.created").path("thread").path("id").asText();
    }

    private static String assistantItemId(String sse) throws Exception {
        return event(sse, "thread.item.done").path("item").path("id").asText();
    }

    private static JsonNode event(String sse, String type) throws Exception {
        for (String line : sse.split("\n")) {
            if (line.startsWith("data:")) {
                JsonNode event = Json.MAPPER.readTree(line.substring("data:".length()));
                if (type.equals(event.path("type").asText())) {
                    return event;
                }
            }
        }
        throw new AssertionError("no " + type + " event in " + sse);
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

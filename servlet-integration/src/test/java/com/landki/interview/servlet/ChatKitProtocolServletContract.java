package com.landki.interview.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.landki.interview.chatkit.server.ChatKitServer;
import com.landki.interview.chatkit.server.FeedbackListener;
import com.landki.interview.chatkit.server.AnswerListener;
import com.landki.interview.chatkit.server.agent.ResponsesAgent;
import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.chatkit.server.types.RequestContext;
import com.landki.interview.openai.OpenAiConfig;
import com.landki.interview.openai.OpenAiHttp;
import com.landki.interview.openai.RetryPolicy;
import com.landki.interview.testing.ResponsesStream;
import com.landki.interview.testing.ServletContainer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The ChatKit protocol servlet over real HTTP, with the Responses API scripted by MockWebServer. Run once per
 * container by the Jetty and Tomcat subclasses.
 */
@Timeout(30)
abstract class ChatKitProtocolServletContract {

    static final String PATH = "/interview/api/chatkit";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @StartStop
    final MockWebServer upstream = new MockWebServer();

    final ThreadStore store = ThreadStore.inMemory();
    final List<FeedbackListener.Feedback> feedback = new CopyOnWriteArrayList<>();
    final List<AnswerListener.Answer> answers = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    ChatKitServer server;
    private ServletContainer container;
    private URI endpoint;

    /** The container to run on; it registers the servlet with {@link ChatKitProtocolServlet#register}. */
    abstract ServletContainer.Kind kind();

    @BeforeEach
    void startContainer() throws Exception {
        OpenAiConfig config = OpenAiConfig.builder().apiKey("sk-test").baseUrl(upstream.url("/v1").toString())
                .retryPolicy(RetryPolicy.none()).build();
        ResponsesAgent agent = ResponsesAgent.builder().openAi(OpenAiHttp.create(config))
                .vectorStoreIds(List.of("vs_seed")).build();
        server = ChatKitServer.builder().store(store).responder(agent).feedbackListener(feedback::add)
                .answerListener(answers::add).build();
        ChatKitProtocolServlet servlet = new ChatKitProtocolServlet(server, req -> req.getHeader("X-Test-User"),
                req -> Map.of(RequestContext.IP, "203.0.113.0"), Duration.ofMillis(50), Duration.ofSeconds(20), 0, 2);
        container = kind().start((classes, context) -> ChatKitProtocolServlet.register(context, PATH, servlet));
        endpoint = container.base().resolve(PATH);
    }

    @AfterEach
    void stopContainer() throws Exception {
        container.close();
    }

    @Test
    void threadsCreateAnswersAnEventStreamWithTheStreamedAnswer() throws Exception {
        upstream.enqueue(ResponsesStream.answer("resp_1", "Laut Leitfaden").response());

        HttpResponse<String> response = post("alice", create("Was sagt der Leitfaden?"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("no-cache");
        List<JsonNode> events = events(response.body());
        assertThat(types(events)).containsExactly("thread.created", "thread.item.done", "stream_options",
                "thread.item.added", "thread.item.updated", "thread.item.updated", "thread.item.updated",
                "thread.item.updated", "thread.item.updated", "thread.item.done", "thread.updated");
        assertThat(events.get(10).get("thread").get("title").asText()).isEqualTo("Was sagt der Leitfaden?");
        assertThat(events.get(7).get("update").get("annotation").get("source").get("filename").asText()).isEqualTo("leitfaden.pdf");
        assertThat(events.get(9).get("item").get("content").get(0).get("text").asText()).isEqualTo("Laut Leitfaden");
        String threadId = events.get(0).get("thread").get("id").asText();
        assertThat(store.listItems("alice", threadId, 10, null, ThreadStore.ASC).data()).hasSize(2);
    }

    @Test
    void everyJsonRequestTypeRoundTrips() throws Exception {
        upstream.enqueue(ResponsesStream.answer("resp_1", "Antwort eins").response());
        upstream.enqueue(ResponsesStream.answer("resp_2", "Antwort zwei").response());
        upstream.enqueue(ResponsesStream.answer("resp_3", "Antwort drei").response());
        String threadId = events(post("alice", create("Frage eins")).body()).get(0).get("thread").get("id").asText();

        List<JsonNode> added = events(post("alice", "{\"type\":\"threads.add_user_message\",\"params\":{\"thread_id\":\""
                + threadId + "\",\"input\":{\"content\":[{\"type\":\"input_text\",\"text\":\"Frage zwei\"}],"
                + "\"attachments\":[],\"inference_options\":{}}}}").body());
        assertThat(types(added)).startsWith("thread.item.done", "stream_options").endsWith("thread.item.done");

        JsonNode list = json(post("alice", "{\"type\":\"threads.list\",\"params\":{\"limit\":10,\"order\":\"desc\"}}"));
        assertThat(list.get("data")).singleElement().satisfies(t -> assertThat(t.get("id").asText()).isEqualTo(threadId));
        assertThat(list.get("has_more").asBoolean()).isFalse();

        JsonNode thread = json(post("alice", "{\"type\":\"threads.get_by_id\",\"params\":{\"thread_id\":\"" + threadId + "\"}}"));
        assertThat(thread.get("title").asText()).isEqualTo("Frage eins");
        assertThat(thread.get("items").get("data")).hasSize(4);

        JsonNode items = json(post("alice", "{\"type\":\"items.list\",\"params\":{\"thread_id\":\"" + threadId + "\",\"limit\":1}}"));
        JsonNode newest = items.get("data").get(0);
        assertThat(newest.get("content").get(0).get("text").asText()).isEqualTo("Antwort zwei");
        assertThat(items.get("has_more").asBoolean()).isTrue();

        JsonNode renamed = json(post("alice", "{\"type\":\"threads.update\",\"params\":{\"thread_id\":\"" + threadId
                + "\",\"title\":\"Umbenannt\"}}"));
        assertThat(renamed.get("title").asText()).isEqualTo("Umbenannt");

        JsonNode rated = json(post("alice", "{\"type\":\"items.feedback\",\"params\":{\"thread_id\":\"" + threadId
                + "\",\"item_ids\":[\"" + newest.get("id").asText() + "\"],\"kind\":\"positive\"}}"));
        assertThat(rated).isEmpty();
        assertThat(feedback).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("positive");
            assertThat(f.context().attribute(RequestContext.IP)).isEqualTo("203.0.113.0");
            assertThat(f.question()).isEqualTo("Frage zwei");
            assertThat(f.answer()).isEqualTo("Antwort zwei");
        });

        String secondQuestion = thread.get("items").get("data").get(2).get("id").asText();
        List<JsonNode> retried = events(post("alice", "{\"type\":\"threads.retry_after_item\",\"params\":{\"thread_id\":\""
                + threadId + "\",\"item_id\":\"" + secondQuestion + "\"}}").body());
        assertThat(retried.get(retried.size() - 1).get("item").get("content").get(0).get("text").asText()).isEqualTo("Antwort drei");

        JsonNode deleted = json(post("alice", "{\"type\":\"threads.delete\",\"params\":{\"thread_id\":\"" + threadId + "\"}}"));
        assertThat(deleted).isEmpty();
        assertThat(json(post("alice", "{\"type\":\"threads.list\",\"params\":{}}")).get("data")).isEmpty();
    }

    @Test
    void aUserNeverSeesAnotherUsersThread() throws Exception {
        upstream.enqueue(ResponsesStream.answer("resp_1", "Geheim").response());
        String threadId = events(post("alice", create("Meine Frage")).body()).get(0).get("thread").get("id").asText();

        assertThat(json(post("bob", "{\"type\":\"threads.list\",\"params\":{}}")).get("data")).isEmpty();
        for (String request : List.of(
                "{\"type\":\"threads.get_by_id\",\"params\":{\"thread_id\":\"" + threadId + "\"}}",
                "{\"type\":\"items.list\",\"params\":{\"thread_id\":\"" + threadId + "\"}}",
                "{\"type\":\"threads.update\",\"params\":{\"thread_id\":\"" + threadId + "\",\"title\":\"x\"}}",
                "{\"type\":\"threads.delete\",\"params\":{\"thread_id\":\"" + threadId + "\"}}",
                "{\"type\":\"threads.add_user_message\",\"params\":{\"thread_id\":\"" + threadId
                        + "\",\"input\":{\"content\":[{\"type\":\"input_text\",\"text\":\"x\"}],\"attachments\":[]}}}")) {
            HttpResponse<String> response = post("bob", request);
            assertThat(response.statusCode()).as(request).isEqualTo(404);
            assertThat(MAPPER.readTree(response.body()).get("error").get("code").asText()).isEqualTo("not_found");
        }
        assertThat(json(post("alice", "{\"type\":\"threads.list\",\"params\":{}}")).get("data")).hasSize(1);
        assertThat(upstream.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aReportOutOfScopeCallReachesThePageAsAClientEffect() throws Exception {
        upstream.enqueue(ResponsesStream.create("resp_1")
                .functionCallDone("fc_1", "call_1", "report_out_of_scope", "{\"out_of_scope\":true,\"reason\":\"Wetter\"}")
                .completed("resp_1").response());
        upstream.enqueue(ResponsesStream.answer("resp_2", "Nur Fragen zu den Dokumenten").response());

        List<JsonNode> events = events(post("alice", create("Wie wird das Wetter?")).body());

        JsonNode effect = events.stream().filter(e -> e.get("type").asText().equals("client_effect")).findFirst().orElseThrow();
        assertThat(effect.get("name").asText()).isEqualTo("out_of_scope");
        assertThat(effect.get("data").get("reason").asText()).isEqualTo("Wetter");
        assertThat(answers).singleElement().satisfies(o -> assertThat(o.outOfScope() + " " + o.answer()).isEqualTo("true Nur Fragen zu den Dokumenten"));
    }

    @Test
    void anUpstreamErrorMidStreamBecomesAnErrorEvent() throws Exception {
        upstream.enqueue(ResponsesStream.create("resp_1").start("m1").delta("m1", "Halb").error("server_error", "boom")
                .response());

        List<JsonNode> events = events(post("alice", create("Frage")).body());

        JsonNode last = events.get(events.size() - 1);
        assertThat(last.get("type").asText()).isEqualTo("error");
        assertThat(last.get("allow_retry").asBoolean()).isTrue();
        String threadId = events.get(0).get("thread").get("id").asText();
        assertThat(store.listItems("alice", threadId, 10, null, ThreadStore.ASC).data()).hasSize(1);
    }

    @Test
    void aClientThatDisconnectsMidStreamStopsTheUpstreamCall() throws Exception {
        CountDownLatch aborted = new CountDownLatch(1);
        upstream.enqueue(ResponsesStream.create("resp_1").start("m1").delta("m1", "Erster Teil").hanging(aborted));

        HttpResponse<InputStream> response = http.send(request("alice", create("Frage")), HttpResponse.BodyHandlers.ofInputStream());
        List<String> seen = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("data: ")) {
                    seen.add(MAPPER.readTree(line.substring(6)).path("update").path("type").asText());
                    if (seen.contains("assistant_message.content_part.text_delta")) {
                        break;
                    }
                }
            }
        }

        assertThat(seen).contains("assistant_message.content_part.text_delta");
        assertThat(aborted.await(15, TimeUnit.SECONDS)).as("upstream call aborted").isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> server.activeStreams() == 0);
        String threadId = store.listThreads("alice", 1, null, ThreadStore.DESC).data().get(0).id();
        // as chatkit-python's handle_stream_cancelled: the half answer is kept, then a hidden note for the model
        assertThat(store.listItems("alice", threadId, 10, null, ThreadStore.ASC).data())
                .extracting(item -> item.getClass().getSimpleName())
                .containsExactly("UserMessageItem", "AssistantMessageItem", "HiddenContextItem");
    }

    @Test
    void aUserAtTheStreamLimitGets429UntilOneEnds() throws Exception {
        CountDownLatch aborted = new CountDownLatch(2);
        upstream.enqueue(ResponsesStream.create("resp_1").start("m1").delta("m1", "Eins").hanging(aborted));
        upstream.enqueue(ResponsesStream.create("resp_2").start("m2").delta("m2", "Zwei").hanging(aborted));
        upstream.enqueue(ResponsesStream.answer("resp_3", "Bobs Antwort").response());
        // the servlet of this contract allows two open streams per user
        var first = http.sendAsync(request("alice", create("Eins")), HttpResponse.BodyHandlers.ofInputStream());
        var second = http.sendAsync(request("alice", create("Zwei")), HttpResponse.BodyHandlers.ofInputStream());
        await().atMost(Duration.ofSeconds(10)).until(() -> server.activeStreams() == 2);

        HttpResponse<String> third = post("alice", create("Drei"));

        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("Retry-After")).contains("5");
        assertThat(MAPPER.readTree(third.body()).get("error").get("code").asText()).isEqualTo("too_many_streams");
        assertThat(store.listThreads("alice", 10, null, ThreadStore.DESC).data()).hasSize(2);
        assertThat(events(post("bob", create("Bob fragt")).body())).last()
                .satisfies(e -> assertThat(e.get("type").asText()).isEqualTo("thread.updated"));

        first.join().body().close();
        await().atMost(Duration.ofSeconds(10)).until(() -> server.activeStreams() == 1);
        second.join().body().close();
        assertThat(aborted.await(15, TimeUnit.SECONDS)).as("both upstream calls aborted").isTrue();
    }

    @Test
    void refusesWhatIsNotAChatKitRequest() throws Exception {
        HttpResponse<String> text = http.send(HttpRequest.newBuilder(endpoint).header("X-Test-User", "alice")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(MAPPER.readTree(text.body()).get("error").get("code").asText()).isEqualTo("unsupported_media_type");

        HttpResponse<String> huge = post("alice", "{\"type\":\"threads.list\",\"params\":{},\"metadata\":{\"x\":\""
                + "a".repeat(ChatKitProtocolServlet.MAX_BODY_BYTES) + "\"}}");
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(MAPPER.readTree(huge.body()).get("error").get("code").asText()).isEqualTo("payload_too_large");

        HttpResponse<String> broken = post("alice", "{not json");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(MAPPER.readTree(broken.body()).get("error").get("code").asText()).isEqualTo("invalid_json");

        for (String strict : List.of("{\"type\":\"threads.list\",\"params\":{}} trailing",
                "{\"type\":\"threads.list\",\"params\":{},\"params\":{}}")) {
            HttpResponse<String> refused = post("alice", strict);
            assertThat(refused.statusCode()).as(strict).isEqualTo(400);
            assertThat(MAPPER.readTree(refused.body()).get("error").get("code").asText()).isEqualTo("invalid_json");
        }
        HttpResponse<String> coerced = post("alice", "{\"type\":\"threads.list\",\"params\":{\"limit\":2.5}}");
        assertThat(coerced.statusCode()).isEqualTo(400);
        assertThat(MAPPER.readTree(coerced.body()).get("error").get("code").asText()).isEqualTo("validation_failed");
        assertThat(MAPPER.readTree(coerced.body()).get("error").get("message").asText()).contains("params.limit");

        HttpResponse<String> attachments = post("alice", "{\"type\":\"attachments.create\",\"params\":{}}");
        assertThat(attachments.statusCode()).isEqualTo(400);
        assertThat(MAPPER.readTree(attachments.body()).get("error").get("code").asText()).isEqualTo("not_supported");

        HttpResponse<String> anonymous = post(null, "{\"type\":\"threads.list\",\"params\":{}}");
        assertThat(anonymous.statusCode()).isEqualTo(401);

        HttpResponse<String> get = http.send(HttpRequest.newBuilder(endpoint).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).contains("POST, OPTIONS");
        assertThat(MAPPER.readTree(get.body()).get("error").get("code").asText()).isEqualTo("method_not_allowed");

        HttpResponse<String> options = http.send(HttpRequest.newBuilder(endpoint)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(options.statusCode()).isEqualTo(204);
        assertThat(options.headers().firstValue("Allow")).contains("POST, OPTIONS");

        HttpResponse<String> after = post("alice", "{\"type\":\"threads.list\",\"params\":{}}");
        assertThat(after.statusCode()).as("the connection still answers after the refusals").isEqualTo(200);
    }

    // ---- helpers ----

    static String create(String text) {
        return "{\"type\":\"threads.create\",\"params\":{\"input\":{\"content\":[{\"type\":\"input_text\",\"text\":\""
                + text + "\"}],\"attachments\":[],\"inference_options\":{}}},\"metadata\":{}}";
    }

    private HttpRequest request(String user, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            builder.header("X-Test-User", user);
        }
        return builder.build();
    }

    private HttpResponse<String> post(String user, String body) throws IOException, InterruptedException {
        return http.send(request(user, body), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return MAPPER.readTree(response.body());
    }

    /** SSE frames back to JSON; heartbeat comments are skipped. */
    static List<JsonNode> events(String body) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (String frame : body.split("\n\n")) {
            if (frame.startsWith("data: ")) {
                assertThat(frame).doesNotContain("\n");
                events.add(MAPPER.readTree(frame.substring(6)));
            } else {
                assertThat(frame).startsWith(":");
            }
        }
        return events;
    }

    static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.get("type").asText()).toList();
    }
}

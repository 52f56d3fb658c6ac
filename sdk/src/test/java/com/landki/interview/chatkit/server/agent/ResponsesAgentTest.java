package com.landki.interview.chatkit.server.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.landki.interview.chatkit.server.ChatKitResult;
import com.landki.interview.chatkit.server.ChatKitServer;
import com.landki.interview.chatkit.server.AnswerListener;
import com.landki.interview.chatkit.server.Sse;
import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.chatkit.server.types.AssistantMessageItem;
import com.landki.interview.chatkit.server.types.RequestContext;
import com.landki.interview.chatkit.server.types.StructuredInputItem;
import com.landki.interview.chatkit.server.types.ThreadItem;
import com.landki.interview.chatkit.server.types.UserMessageItem;
import com.landki.interview.config.ConfigSource;
import com.landki.interview.openai.OpenAiConfig;
import com.landki.interview.openai.OpenAiHttp;
import com.landki.interview.openai.RetryPolicy;
import com.landki.interview.testing.ResponsesStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The agent against a scripted Responses API (MockWebServer streaming SSE). */
@Timeout(20)
class ResponsesAgentTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final RequestContext ALICE = RequestContext.of("user-alice");

    @StartStop
    private final MockWebServer upstream = new MockWebServer();

    private final ThreadStore store = ThreadStore.inMemory();
    private final List<AnswerListener.Answer> answers = new CopyOnWriteArrayList<>();

    private ChatKitServer server() {
        OpenAiConfig config = OpenAiConfig.builder().apiKey("sk-test-secret").baseUrl(upstream.url("/v1").toString())
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).sleeper(duration -> CompletableFuture.completedFuture(null)).build())
                .build();
        return server(ResponsesAgent.builder().openAi(OpenAiHttp.create(config)));
    }

    private ChatKitServer server(ResponsesAgent.Builder agent) {
        return ChatKitServer.builder().store(store).responder(agent.model("gpt-test").vectorStoreIds(List.of("vs_seed")).build())
                .answerListener(answers::add).build();
    }

    @Test
    void aRefusalBecomesAnAssistantMessageWithTheRefusalText() throws Exception {
        upstream.enqueue(ResponsesStream.create("resp_1").start("msg_up")
                .event("response.content_part.added", "{\"item_id\":\"msg_up\",\"output_index\":0,\"content_index\":0,"
                        + "\"part\":{\"type\":\"refusal\",\"refusal\":\"\"}}")
                .event("response.refusal.delta", "{\"item_id\":\"msg_up\",\"output_index\":0,\"content_index\":0,"
                        + "\"delta\":\"Dabei kann ich \"}")
                .event("response.refusal.done", "{\"item_id\":\"msg_up\",\"output_index\":0,\"content_index\":0,"
                        + "\"refusal\":\"Dabei kann ich nicht helfen.\"}")
                .event("response.output_item.done", "{\"output_index\":0,\"item\":{\"id\":\"msg_up\",\"type\":\"message\","
                        + "\"role\":\"assistant\",\"status\":\"completed\",\"content\":[{\"type\":\"refusal\","
                        + "\"refusal\":\"Dabei kann ich nicht helfen.\"}]}}")
                .completed("resp_1").response());

        List<JsonNode> events = run(server(), create("Hilf mir bei etwas Verbotenem"));

        assertThat(Sse.types(events)).containsSubsequence("stream_options", "thread.item.added", "thread.item.updated",
                "thread.item.done");
        JsonNode done = events.stream().filter(e -> e.get("type").asText().equals("thread.item.done")
                && e.get("item").get("type").asText().equals("assistant_message")).findFirst().orElseThrow();
        assertThat(done.get("item").get("content").get(0).get("text").asText()).isEqualTo("Dabei kann ich nicht helfen.");
        String threadId = events.get(0).get("thread").get("id").asText();
        assertThat(store.listItems(ALICE.userId(), threadId, 10, null, ThreadStore.ASC).data()).last()
                .satisfies(item -> assertThat(((AssistantMessageItem) item).text()).isEqualTo("Dabei kann ich nicht helfen."));
    }

    @Test
    void aRefusalWithoutDeltasStillShowsItsText() throws Exception {
        upstream.enqueue(ResponsesStream.create("resp_1")
                .event("response.output_item.done", "{\"output_index\":0,\"item\":{\"id\":\"msg_up\",\"type\":\"message\","
                        + "\"role\":\"assistant\",\"status\":\"completed\",\"content\":[{\"type\":\"refusal\","
                        + "\"refusal\":\"Nein.\"}]}}")
                .completed("resp_1").response());

        List<JsonNode> events = run(server(), create("x"));

        assertThat(Sse.types(events)).containsExactly("thread.created", "thread.item.done", "stream_options",
                "thread.item.added", "thread.item.updated", "thread.item.updated", "thread.item.done", "thread.updated");
        assertThat(events.get(6).get("item").get("content").get(0).get("text").asText()).isEqualTo("Nein.");
    }

    @Test
    void reasoningBecomesAWorkflowClosedWhenTheMessageStarts() throws Exception {
        upstream.enqueue(ResponsesStream.create("resp_1")
                .event("response.output_item.added", "{\"output_index\":0,\"item\":{\"id\":\"rs_1\",\"type\":\"reasoning\",\"summary\":[]}}")
                .event("response.reasoning_summary_text.delta", "{\"item_id\":\"rs_1\",\"output_index\":0,\"summary_index\":0,\"delta\":\"Ich suche \"}")
                .event("response.reasoning_summary_text.delta", "{\"item_id\":\"rs_1\",\"output_index\":0,\"summary_index\":0,\"delta\":\"im Leitfaden\"}")
                .event("response.reasoning_summary_text.done", "{\"item_id\":\"rs_1\",\"output_index\":0,\"summary_index\":0,\"text\":\"Ich suche im Leitfaden.\"}")
                .event("response.output_item.done", "{\"output_index\":0,\"item\":{\"id\":\"rs_1\",\"type\":\"reasoning\",\"summary\":[]}}")
                .message("msg_up", "Antwort").messageDone("msg_up", "Antwort").completed("resp_1").response());

        List<JsonNode> events = run(server(), create("Was steht drin?"));

        assertThat(Sse.types(events)).startsWith("thread.created", "thread.item.done", "stream_options",
                "thread.item.added", "thread.item.updated", "thread.item.updated", "thread.item.updated",
                "thread.item.done", "thread.item.added");
        JsonNode workflow = events.get(3).get("item");
        assertThat(workflow.get("type").asText()).isEqualTo("workflow");
        assertThat(workflow.get("id").asText()).startsWith("wf_");
        assertThat(workflow.get("workflow").get("type").asText()).isEqualTo("reasoning");
        assertThat(workflow.get("workflow").get("tasks")).isEmpty();
        JsonNode added = events.get(4).get("update");
        assertThat(added.get("type").asText()).isEqualTo("workflow.task.added");
        assertThat(added.get("task_index").asInt()).isZero();
        assertThat(added.get("task").get("type").asText()).isEqualTo("thought");
        assertThat(added.get("task").get("content").asText()).isEqualTo("Ich suche ");
        assertThat(events.get(5).get("update").get("type").asText()).isEqualTo("workflow.task.updated");
        assertThat(events.get(5).get("update").get("task").get("content").asText()).isEqualTo("Ich suche im Leitfaden");
        JsonNode closed = events.get(7).get("item");
        assertThat(closed.get("workflow").get("tasks").get(0).get("content").asText()).isEqualTo("Ich suche im Leitfaden.");
        assertThat(closed.get("workflow").get("summary").get("duration").isInt()).isTrue();
        assertThat(closed.get("workflow").get("expanded").asBoolean()).isFalse();
        assertThat(events.get(8).get("item").get("type").asText()).isEqualTo("assistant_message");
        String threadId = events.get(0).get("thread").get("id").asText();
        assertThat(store.listItems(ALICE.userId(), threadId, 10, null, ThreadStore.ASC).data())
                .extracting(ThreadItem::type).containsExactly("user_message", "workflow", "assistant_message");
    }

    @Test
    void streamsAnAnswerWithFileCitations() throws Exception {
        upstream.enqueue(ResponsesStream.create("resp_1").fileSearch().message("msg_up", "Laut ", "Leitfaden")
                .citation("msg_up", 0, "leitfaden.pdf", 14).messageDone("msg_up", "Laut Leitfaden").completed("resp_1").response());

        List<JsonNode> events = run(server(), create("Was sagt der Leitfaden?"));

        assertThat(Sse.types(events)).containsExactly("thread.created", "thread.item.done", "stream_options",
                "progress_update", "thread.item.added", "thread.item.updated", "thread.item.updated",
                "thread.item.updated", "thread.item.updated", "thread.item.updated", "thread.item.done", "thread.updated");
        assertThat(events.get(3).get("text").asText()).isEqualTo("Durchsuche die Dokumente …");
        assertThat(events.get(5).get("update").get("type").asText()).isEqualTo("assistant_message.content_part.added");
        assertThat(events.get(6).get("update").get("delta").asText()).isEqualTo("Laut ");
        assertThat(events.get(7).get("update").get("delta").asText()).isEqualTo("Leitfaden");
        JsonNode annotation = events.get(8).get("update");
        assertThat(annotation.get("type").asText()).isEqualTo("assistant_message.content_part.annotation_added");
        assertThat(annotation.get("annotation").get("source").get("type").asText()).isEqualTo("file");
        assertThat(annotation.get("annotation").get("source").get("filename").asText()).isEqualTo("leitfaden.pdf");
        assertThat(annotation.get("annotation").get("index").asInt()).isEqualTo(14);
        JsonNode partDone = events.get(9).get("update");
        assertThat(partDone.get("content").get("text").asText()).isEqualTo("Laut Leitfaden");
        assertThat(partDone.get("content").get("annotations")).hasSize(1);
        JsonNode done = events.get(10).get("item");
        assertThat(done.get("type").asText()).isEqualTo("assistant_message");
        assertThat(done.get("content").get(0).get("text").asText()).isEqualTo("Laut Leitfaden");

        RecordedRequest request = upstream.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/responses");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer sk-test-secret");
        assertThat(request.getHeaders().get("Accept")).isEqualTo("text/event-stream");
        JsonNode body = MAPPER.readTree(request.getBody().utf8());
        assertThat(body.get("model").asText()).isEqualTo("gpt-test");
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.get("instructions").asText()).contains("Interview-Assistent").contains("file_search");
        assertThat(body.get("input")).hasSize(1);
        assertThat(body.get("input").get(0).get("role").asText()).isEqualTo("user");
        assertThat(body.get("input").get(0).get("content").asText()).isEqualTo("Was sagt der Leitfaden?");
        assertThat(body.get("tools").get(0).get("type").asText()).isEqualTo("file_search");
        assertThat(body.get("tools").get(0).get("vector_store_ids").get(0).asText()).isEqualTo("vs_seed");
        JsonNode function = body.get("tools").get(1);
        assertThat(function.get("type").asText()).isEqualTo("function");
        assertThat(function.get("name").asText()).isEqualTo("report_out_of_scope");
        assertThat(function.get("parameters").get("required")).extracting(JsonNode::asText)
                .containsExactly("out_of_scope", "reason");

        String threadId = events.get(0).get("thread").get("id").asText();
        List<ThreadItem> stored = store.listItems(ALICE.userId(), threadId, 10, null, ThreadStore.ASC).data();
        assertThat(stored).hasSize(2);
        AssistantMessageItem answer = (AssistantMessageItem) stored.get(1);
        assertThat(answer.text()).isEqualTo("Laut Leitfaden");
        assertThat(answer.content().get(0).annotations().get(0).source().filename()).isEqualTo("leitfaden.pdf");
    }

    @Test
    void sendsTheThreadHistoryWithTheNextQuestion() throws Exception {
        upstream.enqueue(ResponsesStream.create("resp_1").message("m1", "Antwort eins").messageDone("m1", "Antwort eins")
                .completed("resp_1").response());
        upstream.enqueue(ResponsesStream.create("resp_2").message("m2", "Antwort zwei").messageDone("m2", "Antwort zwei")
                .completed("resp_2").response());
        ChatKitServer server = server();
        String threadId = run(server, create("Frage eins")).get(0).get("thread").get("id").asText();

        run(server, "{\"type\":\"threads.add_user_message\",\"params\":{\"thread_id\":\"" + threadId
                + "\",\"input\":{\"content\":[{\"type\":\"input_text\",\"text\":\"Frage zwei\"}],\"attachments\":[],\"inference_options\":{}}}}");

        upstream.takeRequest();
        JsonNode input = MAPPER.readTree(upstream.takeRequest().getBody().utf8()).get("input");
        assertThat(input).extracting(n -> n.get("role").asText() + ":" + n.get("content").asText())
                .containsExactly("user:Frage eins", "assistant:Antwort eins", "user:Frage zwei");
    }

    @Test
    void aStructuredInputGoesToTheModelAsUserTextWithItsAnswers() {
        StructuredInputItem asked = new StructuredInputItem("si_1", "thr_1", java.time.Instant.EPOCH, null, List.of(
                StructuredInputItem.Input.multipleChoice("subject", "Welches Fach?", List.of("Mathe", "Physik"), true),
                StructuredInputItem.Input.freeform("details", "Noch etwas?", null),
                StructuredInputItem.Input.freeform("later", "Wann?", null)));
        StructuredInputItem answered = asked.answered(StructuredInputItem.ANSWERED, List.of(
                asked.inputs().get(0).withAnswer(new StructuredInputItem.Answer(List.of("Mathe", "Physik"), false)),
                asked.inputs().get(1).withAnswer(StructuredInputItem.Answer.skip()),
                asked.inputs().get(2)));

        JsonNode input = ResponsesAgent.historyInput(List.of(answered), attachment -> java.util.Optional.empty());

        // agents.py structured_input_to_input: a user message with the status and one line per question
        assertThat(input).hasSize(1);
        assertThat(input.get(0).get("role").asText()).isEqualTo("user");
        assertThat(input.get(0).get("content").asText()).isEqualTo("A structured input request was displayed to the"
                + " user with the following status: answered\n<StructuredInput>\n- Welches Fach?: Mathe, Physik\n"
                + "- Noch etwas?: skipped\n- Wann?: unanswered\n</StructuredInput>");
    }

    @Test
    void anAnswerCutAtTheTokenLimitIsKeptAndSaidToBeIncompleteInANotice() {
        upstream.enqueue(ResponsesStream.create("resp_1").message("m1", "Erster Teil, ").event("response.incomplete",
                "{\"response\":{\"id\":\"resp_1\",\"status\":\"incomplete\","
                        + "\"incomplete_details\":{\"reason\":\"max_output_tokens\"}}}").response());

        List<JsonNode> events = run(server(), create("Frage"));

        // the message is finished as far as it came, then a notice (chatkit-python's NoticeEvent) says it is cut
        assertThat(Sse.types(events)).containsSubsequence("thread.item.done", "thread.item.done", "notice");
        JsonNode notice = events.stream().filter(e -> e.get("type").asText().equals("notice")).findFirst().orElseThrow();
        assertThat(notice.get("level").asText()).isEqualTo("warning");
        assertThat(notice.get("message").asText()).isEqualTo(
                "Die Antwort wurde an der Längengrenze abgeschnitten und ist unvollständig.");
        assertThat(notice.has("title")).isFalse();
        assertThat(Sse.types(events)).doesNotContain("error");
        String threadId = events.get(0).get("thread").get("id").asText();
        List<ThreadItem> stored = store.listItems(ALICE.userId(), threadId, 10, null, ThreadStore.ASC).data();
        assertThat(((AssistantMessageItem) stored.get(1)).text()).isEqualTo("Erster Teil, ");
    }

    @Test
    void aCompleteAnswerHasNoNotice() {
        upstream.enqueue(ResponsesStream.answer("resp_1", "Ganz und gar").response());

        assertThat(Sse.types(run(server(), create("Frage")))).doesNotContain("notice");
    }

    @Test
    void aReportOutOfScopeCallSendsAClientEffectAndContinuesWithTheFunctionOutput() throws Exception {
        upstream.enqueue(ResponsesStream.create("resp_1")
                .functionCall("fc_1", "call_1", "report_out_of_scope", "{\"out_of_scope\":true,\"reason\":\"Wetter\"}")
                .completed("resp_1").response());
        upstream.enqueue(ResponsesStream.create("resp_2").message("m2", "Dazu habe ich keine Dokumente.")
                .messageDone("m2", "Dazu habe ich keine Dokumente.").completed("resp_2").response());

        List<JsonNode> events = run(server(), create("Wie wird das Wetter?"));

        JsonNode effect = events.stream().filter(e -> e.get("type").asText().equals("client_effect")).findFirst().orElseThrow();
        assertThat(effect.get("name").asText()).isEqualTo("out_of_scope");
        assertThat(effect.get("data").get("reason").asText()).isEqualTo("Wetter");
        assertThat(Sse.types(events).indexOf("client_effect")).isLessThan(Sse.types(events).indexOf("thread.item.added"));
        assertThat(events.get(events.size() - 2).get("item").get("content").get(0).get("text").asText())
                .isEqualTo("Dazu habe ich keine Dokumente.");

        upstream.takeRequest();
        JsonNode followUp = MAPPER.readTree(upstream.takeRequest().getBody().utf8());
        assertThat(followUp.get("previous_response_id").asText()).isEqualTo("resp_1");
        assertThat(followUp.get("input").get(0).get("type").asText()).isEqualTo("function_call_output");
        assertThat(followUp.get("input").get(0).get("call_id").asText()).isEqualTo("call_1");
        assertThat(followUp.get("input").get(0).get("output").asText()).isEqualTo("{\"ok\":true}");
        assertThat(followUp.get("tools")).hasSize(2);

        assertThat(answers).singleElement().satisfies(event -> {
            assertThat(event.outOfScope()).isTrue();
            assertThat(event.source()).isEqualTo("structured");
            assertThat(event.reason()).isEqualTo("Wetter");
            assertThat(event.question()).isEqualTo("Wie wird das Wetter?");
            assertThat(event.answer()).isEqualTo("Dazu habe ich keine Dokumente.");
        });
    }

    @Test
    void anUpstreamErrorMidStreamEndsWithAnErrorEventAndStoresNoHalfAnswer() throws Exception {
        upstream.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                .body(ResponsesStream.create("resp_1").message("m1", "Halb").event("response.failed",
                        "{\"response\":{\"id\":\"resp_1\",\"status\":\"failed\",\"error\":{\"code\":\"server_error\",\"message\":\"boom\"}}}")
                        .text()).build());
        upstream.enqueue(ResponsesStream.create("resp_2").message("m2", "Ganz").messageDone("m2", "Ganz").completed("resp_2").response());
        ChatKitServer server = server();

        List<JsonNode> events = run(server, create("Frage"));

        assertThat(Sse.types(events)).endsWith("thread.item.updated", "error");
        assertThat(Sse.types(events).stream().filter("thread.item.done"::equals)).hasSize(1);
        JsonNode error = events.get(events.size() - 1);
        assertThat(error.get("code").asText()).isEqualTo("stream.error");
        assertThat(error.get("allow_retry").asBoolean()).isTrue();
        String threadId = events.get(0).get("thread").get("id").asText();
        List<ThreadItem> stored = store.listItems(ALICE.userId(), threadId, 10, null, ThreadStore.ASC).data();
        assertThat(stored).singleElement().isInstanceOf(UserMessageItem.class);

        List<JsonNode> retried = run(server, "{\"type\":\"threads.retry_after_item\",\"params\":{\"thread_id\":\""
                + threadId + "\",\"item_id\":\"" + stored.get(0).id() + "\"}}");
        assertThat(Sse.types(retried)).as("the first answer failed, so the retry titles the thread")
                .endsWith("thread.item.done", "thread.updated");
        List<ThreadItem> after = store.listItems(ALICE.userId(), threadId, 10, null, ThreadStore.ASC).data();
        assertThat(after).hasSize(2);
        assertThat(((AssistantMessageItem) after.get(1)).text()).isEqualTo("Ganz");
    }

    @Test
    void aBrokenUpstreamConnectionMidStreamIsAnErrorToo() {
        upstream.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                .body(ResponsesStream.create("resp_1").message("m1", "Halb").text() + "event: response.output_text.delta\ndata: {\"ty")
                .build());

        List<JsonNode> events = run(server(), create("Frage"));

        assertThat(Sse.types(events)).last().isEqualTo("error");
        String threadId = events.get(0).get("thread").get("id").asText();
        assertThat(store.listItems(ALICE.userId(), threadId, 10, null, ThreadStore.ASC).data())
                .singleElement().isInstanceOf(UserMessageItem.class);
    }

    @Test
    void anUnauthorizedKeyIsNotRetriedAndNeverShown() {
        upstream.enqueue(new MockResponse.Builder().code(401).addHeader("x-request-id", "req_401")
                .body("{\"error\":{\"message\":\"Incorrect API key provided: sk-test-secret\",\"code\":\"invalid_api_key\"}}").build());

        List<JsonNode> events = run(server(), create("Frage"));

        JsonNode error = events.get(events.size() - 1);
        assertThat(error.get("type").asText()).isEqualTo("error");
        assertThat(error.get("code").asText()).isEqualTo("stream.error");
        assertThat(error.get("allow_retry").asBoolean()).isFalse();
        assertThat(events.toString()).doesNotContain("sk-test-secret");
        assertThat(upstream.getRequestCount()).isEqualTo(1);
    }

    @Test
    void retriesA503BeforeTheStreamStarts() {
        upstream.enqueue(new MockResponse.Builder().code(503).body("{\"error\":{\"message\":\"busy\"}}").build());
        upstream.enqueue(ResponsesStream.create("resp_1").message("m1", "Ok").messageDone("m1", "Ok").completed("resp_1").response());

        List<JsonNode> events = run(server(), create("Frage"));

        assertThat(Sse.types(events)).endsWith("thread.item.done", "thread.updated");
        assertThat(upstream.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aRateLimitAfterRetriesAsksTheUserToTryAgain() {
        for (int i = 0; i < 3; i++) {
            upstream.enqueue(new MockResponse.Builder().code(429).addHeader("retry-after-ms", "1")
                    .body("{\"error\":{\"message\":\"slow down\",\"code\":\"rate_limit_exceeded\"}}").build());
        }

        List<JsonNode> events = run(server(), create("Frage"));

        JsonNode error = events.get(events.size() - 1);
        assertThat(error.get("code").asText()).isEqualTo("custom");
        assertThat(error.get("message").asText()).contains("ausgelastet");
        assertThat(error.get("allow_retry").asBoolean()).isTrue();
        assertThat(upstream.getRequestCount()).isEqualTo(3);
    }

    /**
     * Issue 14: chatkit-python's generic handler says {@code allow_retry: true} for every failure; we decide per
     * upstream status (UpstreamFailure.Kind): a wrong request or key does not get better by retrying.
     */
    @ParameterizedTest(name = "upstream {0} -> {1}, allow_retry {2}")
    @CsvSource({
            "400, stream.error, false", "404, stream.error, false", "422, stream.error, false",
            "401, stream.error, false", "403, stream.error, false",
            "408, stream.error, true", "429, custom, true", "500, stream.error, true", "502, stream.error, true",
            "503, stream.error, true", "504, stream.error, true"})
    void anUpstreamStatusEndsTheStreamWithAllowRetryByItsMeaning(int status, String code, boolean allowRetry) {
        for (int i = 0; i < 3; i++) { // the retries of a retryable status
            upstream.enqueue(new MockResponse.Builder().code(status).addHeader("retry-after-ms", "1")
                    .body("{\"error\":{\"message\":\"upstream says no\"}}").build());
        }

        List<JsonNode> events = run(server(), create("Frage"));

        JsonNode error = events.get(events.size() - 1);
        assertThat(error.get("type").asText()).isEqualTo("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("allow_retry").asBoolean()).isEqualTo(allowRetry);
        assertThat(events.toString()).doesNotContain("upstream says no");
        assertThat(upstream.getRequestCount()).as("retried only when it may help").isEqualTo(allowRetry ? 3 : 1);
    }

    @Test
    void withoutAnApiKeyTheAnswerSaysTheAssistantIsNotConfigured() {
        List<JsonNode> events = run(server(ResponsesAgent.builder()), create("Frage"));

        JsonNode error = events.get(events.size() - 1);
        assertThat(error.get("code").asText()).isEqualTo("custom");
        assertThat(error.get("message").asText()).contains("nicht konfiguriert");
        assertThat(upstream.getRequestCount()).isZero();
    }

    @Test
    void aDisconnectedPageAbortsTheUpstreamCall() throws Exception {
        CountDownLatch aborted = new CountDownLatch(1);
        upstream.enqueue(ResponsesStream.create("resp_1").message("m1", "Erster Teil").hanging(aborted));
        ChatKitServer server = server();
        ChatKitResult result = server.process(create("Frage").getBytes(StandardCharsets.UTF_8), ALICE);

        result.stream(event -> {
            if (event.type().equals("thread.item.updated")) {
                throw new IOException("Broken pipe");
            }
        });

        assertThat(aborted.await(10, TimeUnit.SECONDS)).as("upstream connection closed").isTrue();
        assertThat(server.activeStreams()).isZero();
        String threadId = store.listThreads(ALICE.userId(), 1, null, ThreadStore.DESC).data().get(0).id();
        assertThat(store.listItems(ALICE.userId(), threadId, 10, null, ThreadStore.ASC).data())
                .extracting(ThreadItem::type).as("the empty half answer is dropped, the cancel note kept")
                .containsExactly("user_message", "sdk_hidden_context");
    }

    @Test
    void fromEnvReadsModelVectorStoresAndTheInstructionsFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("prompt.md");
        Files.writeString(file, "Antworte nur mit Ja.\n", StandardCharsets.UTF_8);

        ResponsesAgent agent = ResponsesAgent.from(ConfigSource.of(Map.of("OPENAI_API_KEY", "sk-x", "OPENAI_MODEL", "gpt-5.4-mini",
                "OPENAI_VECTOR_STORE_ID", "vs_a, vs_b", "INTERVIEW_INSTRUCTIONS_FILE", file.toString())));

        assertThat(agent.model()).isEqualTo("gpt-5.4-mini");
        assertThat(agent.instructions()).isEqualTo("Antworte nur mit Ja.");
        assertThat(ResponsesAgent.from(ConfigSource.of(Map.of())).model()).isEqualTo(ResponsesAgent.DEFAULT_MODEL);
        assertThat(ResponsesAgent.from(ConfigSource.of(Map.of())).instructions()).startsWith("Du bist der Interview-Assistent");
    }

    private static String create(String text) {
        return "{\"type\":\"threads.create\",\"params\":{\"input\":{\"content\":[{\"type\":\"input_text\",\"text\":\""
                + text + "\"}],\"attachments\":[],\"inference_options\":{}}}}";
    }

    private static List<JsonNode> run(ChatKitServer server, String request) {
        ChatKitResult result = server.process(request.getBytes(StandardCharsets.UTF_8), ALICE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        result.writeTo(out);
        return Sse.events(out.toByteArray());
    }
}

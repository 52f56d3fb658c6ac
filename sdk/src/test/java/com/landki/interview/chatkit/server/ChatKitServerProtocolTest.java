package com.landki.interview.chatkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.landki.interview.chatkit.server.responder.ChatKitResponder;
import com.landki.interview.chatkit.server.responder.ResponseTurn;
import com.landki.interview.chatkit.server.responder.StreamCancelledException;
import com.landki.interview.chatkit.server.responder.StreamException;
import com.landki.interview.chatkit.server.types.AssistantContent;
import com.landki.interview.chatkit.server.types.HiddenContextItem;
import com.landki.interview.chatkit.server.types.ThreadItemUpdate;
import com.landki.interview.chatkit.server.types.ThreadStreamEvent;
import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.chatkit.server.types.AssistantMessageItem;
import com.landki.interview.chatkit.server.types.ChatKitException;
import com.landki.interview.chatkit.server.types.ClientToolCallItem;
import com.landki.interview.chatkit.server.types.RequestContext;
import com.landki.interview.chatkit.server.types.ThreadItem;
import com.landki.interview.chatkit.server.types.UserMessageItem;
import com.landki.interview.chatkit.server.types.WidgetItem;
import com.landki.interview.chatkit.server.widgets.Card;
import com.landki.interview.chatkit.server.widgets.Text;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Every request type: JSON in, JSON or SSE out, parsed back and checked field by field. */
public class ChatKitServerProtocolTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final RequestContext ALICE = RequestContext.of("user-alice");
    private static final RequestContext BOB = RequestContext.of("user-bob");

    private final ThreadStore store = ThreadStore.inMemory();
    private final ScriptedResponder responder = new ScriptedResponder();
    private final List<FeedbackListener.Feedback> feedback = new CopyOnWriteArrayList<>();
    private final List<AnswerListener.Answer> answers = new CopyOnWriteArrayList<>();
    private final ChatKitServer server = ChatKitServer.builder().store(store).responder(responder)
            .feedbackListener(feedback::add).answerListener(answers::add)
            .clock(Clock.fixed(Instant.parse("2026-11-26T03:00:00Z"), ZoneOffset.UTC)).build();

    @Test
    void threadsCreateStreamsThreadUserMessageAndAnswer() {
        List<JsonNode> events = stream(ALICE, create("Was steht im Leitfaden?"));

        assertThat(Sse.types(events)).containsExactly("thread.created", "thread.item.done", "stream_options",
                "thread.item.added", "thread.item.updated", "thread.item.updated", "thread.item.updated",
                "thread.item.updated", "thread.item.updated", "thread.item.done", "thread.updated");
        JsonNode thread = events.get(0).get("thread");
        assertThat(thread.get("id").asText()).startsWith("thr_");
        assertThat(thread.has("title")).as("untitled until the first answer, as in chatkit-python").isFalse();
        JsonNode titled = events.get(10).get("thread");
        assertThat(titled.get("id").asText()).isEqualTo(thread.get("id").asText());
        assertThat(titled.get("title").asText()).isEqualTo("Was steht im Leitfaden?");
        assertThat(titled.get("items").get("data")).isEmpty();
        assertThat(thread.get("created_at").asText()).isEqualTo("2026-11-26T03:00:00Z");
        assertThat(thread.get("status").get("type").asText()).isEqualTo("active");
        assertThat(thread.get("items").get("data")).isEmpty();
        assertThat(thread.get("items").get("has_more").asBoolean()).isFalse();
        assertThat(events.get(2).get("stream_options").get("allow_cancel").asBoolean()).isTrue();

        JsonNode user = events.get(1).get("item");
        assertThat(user.get("type").asText()).isEqualTo("user_message");
        assertThat(user.get("id").asText()).startsWith("msg_");
        assertThat(user.get("thread_id").asText()).isEqualTo(thread.get("id").asText());
        assertThat(user.get("content").get(0).get("type").asText()).isEqualTo("input_text");
        assertThat(user.get("content").get(0).get("text").asText()).isEqualTo("Was steht im Leitfaden?");
        assertThat(user.get("attachments")).isEmpty();
        assertThat(user.get("inference_options").isObject()).isTrue();

        JsonNode added = events.get(3).get("item");
        assertThat(added.get("type").asText()).isEqualTo("assistant_message");
        assertThat(added.get("content")).isEmpty();
        JsonNode partAdded = events.get(4);
        assertThat(partAdded.get("item_id").asText()).isEqualTo(added.get("id").asText());
        assertThat(partAdded.get("update").get("type").asText()).isEqualTo("assistant_message.content_part.added");
        assertThat(partAdded.get("update").get("content_index").asInt()).isZero();
        assertThat(partAdded.get("update").get("content").get("type").asText()).isEqualTo("output_text");
        JsonNode delta = events.get(5).get("update");
        assertThat(delta.get("type").asText()).isEqualTo("assistant_message.content_part.text_delta");
        assertThat(delta.get("delta").asText()).isEqualTo("Hallo ");
        JsonNode annotation = events.get(7).get("update");
        assertThat(annotation.get("type").asText()).isEqualTo("assistant_message.content_part.annotation_added");
        assertThat(annotation.get("annotation_index").asInt()).isZero();
        assertThat(annotation.get("annotation").get("type").asText()).isEqualTo("annotation");
        assertThat(annotation.get("annotation").get("index").asInt()).isEqualTo(5);
        JsonNode source = annotation.get("annotation").get("source");
        assertThat(source.get("type").asText()).isEqualTo("file");
        assertThat(source.get("filename").asText()).isEqualTo("leitfaden.pdf");
        assertThat(source.get("title").asText()).isEqualTo("leitfaden.pdf");
        assertThat(events.get(8).get("update").get("type").asText()).isEqualTo("assistant_message.content_part.done");
        JsonNode done = events.get(9).get("item");
        assertThat(done.get("content").get(0).get("text").asText()).isEqualTo("Hallo Welt");

        String threadId = thread.get("id").asText();
        List<ThreadItem> stored = store.listItems(ALICE.userId(), threadId, 10, null, ThreadStore.ASC).data();
        assertThat(stored).hasSize(2);
        assertThat(stored.get(0)).isInstanceOf(UserMessageItem.class);
        assertThat(((AssistantMessageItem) stored.get(1)).text()).isEqualTo("Hallo Welt");
    }

    @Test
    void everyFrameIsOneDataLineWithTheTypeFirst() {
        ChatKitResult result = server.process(bytes(create("eins")), ALICE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        result.writeTo(out);

        String body = out.toString(StandardCharsets.UTF_8);
        assertThat(body).startsWith("data: {\"type\":\"thread.created\",");
        for (String frame : body.split("\n\n")) {
            assertThat(frame).startsWith("data: {\"type\":\"");
        }
        assertThat(body).contains("\"item\":{\"type\":\"user_message\",");
        assertThat(body).contains("\"update\":{\"type\":\"assistant_message.content_part.text_delta\",");
    }

    @Test
    void aThreadsCreateThatIsNeverStreamedLeavesNoThread() {
        ChatKitResult result = server.process(bytes(create("eins")), ALICE);

        assertThat(result.isStreaming()).isTrue();
        assertThat(store.listThreads(ALICE.userId(), 10, null, ThreadStore.DESC).data()).isEmpty();
    }

    @Test
    void threadsGetByIdReturnsTheThreadWithItsItemsOldestFirst() {
        String threadId = createThread(ALICE, "Frage eins");

        JsonNode thread = json(ALICE, "{\"type\":\"threads.get_by_id\",\"params\":{\"thread_id\":\"" + threadId + "\"}}");

        assertThat(thread.get("id").asText()).isEqualTo(threadId);
        assertThat(thread.get("title").asText()).isEqualTo("Frage eins");
        assertThat(thread.get("status").get("type").asText()).isEqualTo("active");
        assertThat(thread.get("metadata")).as("{} as in chatkit-python, never the stored metadata").isEmpty();
        JsonNode items = thread.get("items");
        assertThat(items.get("data")).hasSize(2);
        assertThat(items.get("data").get(0).get("type").asText()).isEqualTo("user_message");
        assertThat(items.get("data").get(1).get("type").asText()).isEqualTo("assistant_message");
        assertThat(items.get("data").get(1).get("content").get(0).get("annotations").get(0).get("source")
                .get("filename").asText()).isEqualTo("leitfaden.pdf");
        assertThat(items.get("has_more").asBoolean()).isFalse();
    }

    @Test
    void threadsListPagesTheCallersThreadsNewestFirst() {
        ChatKitServer ticking = ChatKitServer.builder().store(store).responder(responder).clock(new TickingClock()).build();
        String first = idOf(streamWith(ticking, ALICE, create("eins")));
        String second = idOf(streamWith(ticking, ALICE, create("zwei")));
        String third = idOf(streamWith(ticking, ALICE, create("drei")));

        JsonNode page1 = json(ALICE, "{\"type\":\"threads.list\",\"params\":{\"limit\":2}}");
        assertThat(page1.get("data")).extracting(n -> n.get("id").asText()).containsExactly(third, second);
        assertThat(page1.get("has_more").asBoolean()).isTrue();
        assertThat(page1.get("after").asText()).isEqualTo(second);
        assertThat(page1.get("data").get(0).get("items").get("data")).isEmpty();

        JsonNode page2 = json(ALICE, "{\"type\":\"threads.list\",\"params\":{\"limit\":2,\"after\":\"" + second + "\"}}");
        assertThat(page2.get("data")).extracting(n -> n.get("id").asText()).containsExactly(first);
        assertThat(page2.get("has_more").asBoolean()).isFalse();
        assertThat(page2.has("after")).isFalse();

        JsonNode asc = json(ALICE, "{\"type\":\"threads.list\",\"params\":{\"order\":\"asc\"},\"metadata\":{}}");
        assertThat(asc.get("data")).extracting(n -> n.get("id").asText()).containsExactly(first, second, third);
    }

    @Test
    void itemsListPagesItemsInEitherOrder() {
        String threadId = createThread(ALICE, "eins");
        stream(ALICE, addMessage(threadId, "zwei"));

        JsonNode desc = json(ALICE, "{\"type\":\"items.list\",\"params\":{\"thread_id\":\"" + threadId + "\",\"limit\":3}}");
        assertThat(desc.get("data")).extracting(n -> n.get("type").asText())
                .containsExactly("assistant_message", "user_message", "assistant_message");
        assertThat(desc.get("data").get(1).get("content").get(0).get("text").asText()).isEqualTo("zwei");
        assertThat(desc.get("has_more").asBoolean()).isTrue();

        JsonNode rest = json(ALICE, "{\"type\":\"items.list\",\"params\":{\"thread_id\":\"" + threadId
                + "\",\"limit\":3,\"after\":\"" + desc.get("after").asText() + "\"}}");
        assertThat(rest.get("data")).hasSize(1);
        assertThat(rest.get("data").get(0).get("content").get(0).get("text").asText()).isEqualTo("eins");

        JsonNode asc = json(ALICE, "{\"type\":\"items.list\",\"params\":{\"thread_id\":\"" + threadId + "\",\"order\":\"asc\"}}");
        assertThat(asc.get("data")).hasSize(4);
        assertThat(asc.get("data").get(0).get("content").get(0).get("text").asText()).isEqualTo("eins");
    }

    @Test
    void threadsAddUserMessageAnswersWithoutCreatingAThread() {
        String threadId = createThread(ALICE, "eins");

        List<JsonNode> events = stream(ALICE, addMessage(threadId, "zwei"));

        assertThat(Sse.types(events)).startsWith("thread.item.done", "stream_options").doesNotContain("thread.created");
        assertThat(events.get(0).get("item").get("thread_id").asText()).isEqualTo(threadId);
        assertThat(responder.turns.get(1).history()).hasSize(4);
    }

    @Test
    void everyFinishedAnswerIsReportedInScopeOrNotAndEveryNewThreadOnce() {
        List<String> created = new CopyOnWriteArrayList<>();
        ChatKitServer counting = ChatKitServer.builder().store(store).responder(responder)
                .answerListener(new AnswerListener() {
                    @Override
                    public void onAnswer(Answer answer) {
                        answers.add(answer);
                    }

                    @Override
                    public void onThreadCreated(RequestContext context, String threadId) {
                        created.add(context.userId() + ":" + threadId);
                    }
                }).build();
        String threadId = idOf(streamWith(counting, ALICE, create("eins")));
        streamWith(counting, ALICE, addMessage(threadId, "zwei"));

        assertThat(created).containsExactly(ALICE.userId() + ":" + threadId);
        assertThat(answers).hasSize(2).allSatisfy(answer -> {
            assertThat(answer.outOfScope()).isFalse();
            assertThat(answer.source()).isEqualTo(AnswerListener.NONE);
            assertThat(answer.reason()).isNull();
            assertThat(answer.threadId()).isEqualTo(threadId);
            assertThat(answer.answer()).isEqualTo("Hallo Welt");
        });
        assertThat(answers).extracting(AnswerListener.Answer::question).containsExactly("eins", "zwei");
    }

    @Test
    void threadsUpdateRenamesTheThread() {
        String threadId = createThread(ALICE, "eins");

        JsonNode updated = json(ALICE, "{\"type\":\"threads.update\",\"params\":{\"thread_id\":\"" + threadId
                + "\",\"title\":\"Neuer Titel\"}}");

        assertThat(updated.get("id").asText()).isEqualTo(threadId);
        assertThat(updated.get("title").asText()).isEqualTo("Neuer Titel");
        assertThat(store.loadThread(ALICE.userId(), threadId).orElseThrow().title()).isEqualTo("Neuer Titel");
    }

    @Test
    void threadsDeleteRemovesTheThreadAndAnswersAnEmptyObject() {
        String threadId = createThread(ALICE, "eins");

        JsonNode answer = json(ALICE, "{\"type\":\"threads.delete\",\"params\":{\"thread_id\":\"" + threadId + "\"}}");

        assertThat(answer.isObject()).isTrue();
        assertThat(answer).isEmpty();
        assertThat(store.loadThread(ALICE.userId(), threadId)).isEmpty();
    }

    @Test
    void itemsFeedbackReachesTheListenerWithQuestionAndAnswer() {
        String threadId = createThread(ALICE, "Was ist X?");
        String answerId = store.listItems(ALICE.userId(), threadId, 1, null, ThreadStore.DESC).data().get(0).id();

        JsonNode answer = json(ALICE, "{\"type\":\"items.feedback\",\"params\":{\"thread_id\":\"" + threadId
                + "\",\"item_ids\":[\"" + answerId + "\"],\"kind\":\"negative\"}}");

        assertThat(answer).isEmpty();
        assertThat(feedback).hasSize(1);
        FeedbackListener.Feedback entry = feedback.get(0);
        assertThat(entry.kind()).isEqualTo("negative");
        assertThat(entry.threadId()).isEqualTo(threadId);
        assertThat(entry.context().userId()).isEqualTo("user-alice");
        assertThat(entry.question()).isEqualTo("Was ist X?");
        assertThat(entry.answer()).isEqualTo("Hallo Welt");
    }

    @Test
    void itemsFeedbackRejectsAnUnknownKind() {
        String threadId = createThread(ALICE, "eins");

        assertThatThrownBy(() -> json(ALICE, "{\"type\":\"items.feedback\",\"params\":{\"thread_id\":\"" + threadId
                + "\",\"item_ids\":[\"x\"],\"kind\":\"meh\"}}"))
                .isInstanceOf(ChatKitException.class).hasMessageContaining("params.kind")
                .extracting(e -> ((ChatKitException) e).code()).isEqualTo("validation_failed");
    }

    @Test
    void threadsAddClientToolOutputCompletesThePendingCallAndContinues() {
        String threadId = createThread(ALICE, "eins");
        ClientToolCallItem call = new ClientToolCallItem("cti_1", threadId, Instant.now(), null, "call_1",
                "get_time", Map.of("tz", "UTC"), null);
        store.saveItem(ALICE.userId(), threadId, call);

        List<JsonNode> events = stream(ALICE, "{\"type\":\"threads.add_client_tool_output\",\"params\":{\"thread_id\":\""
                + threadId + "\",\"result\":{\"time\":\"12:00\"}}}");

        assertThat(Sse.types(events)).startsWith("stream_options", "thread.item.added").endsWith("thread.item.done");
        ClientToolCallItem completed = (ClientToolCallItem) store.loadItem(ALICE.userId(), threadId, "cti_1").orElseThrow();
        assertThat(completed.status()).isEqualTo("completed");
        assertThat(completed.output()).isEqualTo(Map.of("time", "12:00"));
        assertThat(responder.turns.get(1).input()).isNull();
    }

    @Test
    void threadsAddClientToolOutputWithoutAPendingCallIsRefused() {
        String threadId = createThread(ALICE, "eins");

        assertThatThrownBy(() -> server.process(bytes("{\"type\":\"threads.add_client_tool_output\",\"params\":{\"thread_id\":\""
                + threadId + "\",\"result\":1}}"), ALICE)).isInstanceOf(ChatKitException.class)
                .hasMessageContaining("no pending client tool call");
    }

    @Test
    void threadsRetryAfterItemDropsLaterItemsAndAnswersAgain() {
        String threadId = createThread(ALICE, "eins");
        String questionId = store.listItems(ALICE.userId(), threadId, 1, null, ThreadStore.ASC).data().get(0).id();

        List<JsonNode> events = stream(ALICE, "{\"type\":\"threads.retry_after_item\",\"params\":{\"thread_id\":\""
                + threadId + "\",\"item_id\":\"" + questionId + "\"}}");

        assertThat(Sse.types(events)).startsWith("stream_options", "thread.item.added").endsWith("thread.item.done");
        List<ThreadItem> items = store.listItems(ALICE.userId(), threadId, 10, null, ThreadStore.ASC).data();
        assertThat(items).hasSize(2);
        assertThat(items.get(0).id()).isEqualTo(questionId);
        assertThat(responder.turns.get(1).input().id()).isEqualTo(questionId);
        assertThat(responder.turns.get(1).history()).hasSize(2);
    }

    @Test
    void aResponderGetsTheCustomActionsItNames() {
        List<String> seen = new CopyOnWriteArrayList<>();
        ChatKitResponder acting = new ChatKitResponder() {
            @Override
            public void respond(ResponseTurn turn) {
                responder.respond(turn);
            }

            @Override
            public java.util.Set<String> actionTypes() {
                return java.util.Set.of("noop");
            }

            @Override
            public void action(ResponseTurn turn, Map<String, Object> action, String itemId) {
                seen.add(action.get("type") + " " + itemId);
            }
        };
        ChatKitServer withActions = ChatKitServer.builder().store(store).responder(acting).build();
        String threadId = idOf(streamWith(withActions, ALICE, create("eins")));
        store.saveItem(ALICE.userId(), threadId, new WidgetItem("wgt_1", threadId, Instant.now(),
                Card.builder().child(Text.builder("Karte").build()).build(), "Karte"));

        List<JsonNode> events = streamWith(withActions, ALICE, "{\"type\":\"threads.custom_action\",\"params\":{"
                + "\"thread_id\":\"" + threadId + "\",\"item_id\":\"wgt_1\",\"action\":{\"type\":\"noop\"}}}");

        assertThat(Sse.types(events)).containsExactly("stream_options");
        assertThat(seen).containsExactly("noop wgt_1");
    }

    @Test
    void attachmentsAreRefusedAsNotSupported() {
        assertThatThrownBy(() -> server.process(bytes("{\"type\":\"attachments.create\",\"params\":{\"name\":\"a.pdf\",\"size\":1,\"mime_type\":\"application/pdf\"}}"), ALICE))
                .isInstanceOf(ChatKitException.class).hasMessageContaining("Attachments are not supported")
                .extracting(e -> ((ChatKitException) e).code()).isEqualTo("not_supported");
        String withAttachment = "{\"type\":\"threads.create\",\"params\":{\"input\":{\"content\":[{\"type\":\"input_text\",\"text\":\"x\"}],"
                + "\"attachments\":[\"atc_1\"],\"inference_options\":{}}}}";
        assertThatThrownBy(() -> server.process(bytes(withAttachment), ALICE))
                .extracting(e -> ((ChatKitException) e).code()).isEqualTo("not_supported");
    }

    @Test
    void malformedRequestsAreRefusedWithACode() {
        assertThatThrownBy(() -> server.process(bytes("{nope"), ALICE))
                .extracting(e -> ((ChatKitException) e).code()).isEqualTo("invalid_json");
        assertThatThrownBy(() -> server.process(bytes("{\"type\":\"threads.explode\",\"params\":{}}"), ALICE))
                .hasMessageContaining("threads.explode").extracting(e -> ((ChatKitException) e).httpStatus()).isEqualTo(400);
        assertThatThrownBy(() -> server.process(bytes("{\"type\":\"threads.get_by_id\",\"params\":{}}"), ALICE))
                .hasMessageContaining("params.thread_id");
        assertThatThrownBy(() -> server.process(bytes("{\"type\":\"threads.list\",\"params\":{\"limit\":-1}}"), ALICE))
                .hasMessageContaining("params.limit");
        assertThatThrownBy(() -> server.process(bytes("{\"type\":\"threads.create\",\"params\":{\"input\":{\"content\":{}}}}"), ALICE))
                .hasMessageContaining("params.input.content");
    }

    @Test
    void anotherUsersThreadLooksLikeNoThreadAtAll() {
        String threadId = createThread(ALICE, "geheim");
        String[] requests = {
            "{\"type\":\"threads.get_by_id\",\"params\":{\"thread_id\":\"" + threadId + "\"}}",
            "{\"type\":\"items.list\",\"params\":{\"thread_id\":\"" + threadId + "\"}}",
            "{\"type\":\"threads.update\",\"params\":{\"thread_id\":\"" + threadId + "\",\"title\":\"x\"}}",
            "{\"type\":\"threads.delete\",\"params\":{\"thread_id\":\"" + threadId + "\"}}",
            "{\"type\":\"items.feedback\",\"params\":{\"thread_id\":\"" + threadId + "\",\"item_ids\":[\"a\"],\"kind\":\"positive\"}}",
            addMessage(threadId, "darf ich?"),
            "{\"type\":\"threads.retry_after_item\",\"params\":{\"thread_id\":\"" + threadId + "\",\"item_id\":\"x\"}}",
        };
        for (String request : requests) {
            assertThatThrownBy(() -> server.process(bytes(request), BOB)).as(request)
                    .isInstanceOf(ChatKitException.class)
                    .extracting(e -> ((ChatKitException) e).httpStatus()).isEqualTo(404);
        }
        assertThat(json(BOB, "{\"type\":\"threads.list\",\"params\":{}}").get("data")).isEmpty();
        assertThat(json(ALICE, "{\"type\":\"threads.list\",\"params\":{}}").get("data")).hasSize(1);
        assertThat(store.loadThread(ALICE.userId(), threadId).orElseThrow().title()).isEqualTo("geheim");
        assertThat(store.listItems(ALICE.userId(), threadId, 10, null, ThreadStore.ASC).data()).hasSize(2);
        assertThat(feedback).isEmpty();
    }

    @Test
    void aFailingResponderEndsWithAnErrorEventAndStoresNoHalfAnswer() {
        responder.failAfterFirstDelta = new IllegalStateException("upstream broke");

        List<JsonNode> events = stream(ALICE, create("eins"));

        assertThat(Sse.types(events)).endsWith("thread.item.updated", "error");
        JsonNode error = events.get(events.size() - 1);
        assertThat(error.get("code").asText()).isEqualTo("stream.error");
        assertThat(error.get("allow_retry").asBoolean()).isTrue();
        assertThat(error.has("message")).isFalse();
        List<ThreadItem> items = store.listItems(ALICE.userId(), idOf(events), 10, null, ThreadStore.ASC).data();
        assertThat(items).singleElement().isInstanceOf(UserMessageItem.class);
        assertThat(answers).as("a failed answer is no answer").isEmpty();
    }

    @Test
    void aStreamExceptionShowsItsMessage() {
        responder.failAfterFirstDelta = StreamException.custom("Der Assistent ist nicht konfiguriert.", false);

        List<JsonNode> events = stream(ALICE, create("eins"));

        JsonNode error = events.get(events.size() - 1);
        assertThat(error.get("code").asText()).isEqualTo("custom");
        assertThat(error.get("message").asText()).isEqualTo("Der Assistent ist nicht konfiguriert.");
        assertThat(error.get("allow_retry").asBoolean()).isFalse();
    }

    @Test
    void aDisconnectedPageCancelsTheTurnAndStoresNoHalfAnswer() {
        List<String> cancelled = new CopyOnWriteArrayList<>();
        ChatKitServer cancelling = ChatKitServer.builder().store(store).responder(turn -> {
            turn.onCancel(() -> cancelled.add("upstream aborted"));
            responder.respond(turn);
        }).build();
        List<String> sent = new CopyOnWriteArrayList<>();
        ChatKitResult result = cancelling.process(bytes(create("eins")), ALICE);

        result.stream(event -> {
            if (event.type().equals("thread.item.updated")) {
                throw new IOException("Broken pipe");
            }
            sent.add(event.type());
        });

        assertThat(sent).containsExactly("thread.created", "thread.item.done", "stream_options", "thread.item.added");
        assertThat(cancelled).containsExactly("upstream aborted");
        assertThat(cancelling.activeStreams()).isZero();
        String threadId = store.listThreads(ALICE.userId(), 1, null, ThreadStore.DESC).data().get(0).id();
        List<ThreadItem> items = store.listItems(ALICE.userId(), threadId, 10, null, ThreadStore.ASC).data();
        assertThat(items).extracting(ThreadItem::type).as("an empty half answer is not kept, the note is")
                .containsExactly("user_message", "sdk_hidden_context");
    }

    @Test
    void aCancelKeepsTheHalfAnswerAndTellsTheModelTheUserStoppedIt() {
        ChatKitResult result = server.process(bytes(create("eins")), ALICE);
        List<String> sent = new CopyOnWriteArrayList<>();

        result.stream(event -> {
            sent.add(event.type());
            if (event instanceof ThreadStreamEvent.ThreadItemUpdated updated
                    && updated.update() instanceof ThreadItemUpdate.TextDelta) {
                result.cancel(); // the page's stop button: the connection goes away after the first delta
            }
        });

        String threadId = store.listThreads(ALICE.userId(), 1, null, ThreadStore.DESC).data().get(0).id();
        List<ThreadItem> items = store.listItems(ALICE.userId(), threadId, 10, null, ThreadStore.ASC).data();
        assertThat(items).extracting(ThreadItem::type)
                .containsExactly("user_message", "assistant_message", "sdk_hidden_context");
        assertThat(((AssistantMessageItem) items.get(1)).text()).isEqualTo("Hallo ");
        assertThat(((HiddenContextItem) items.get(2)).content())
                .isEqualTo("The user cancelled the stream. Stop responding to the prior request.");
        assertThat(items.get(2).id()).startsWith("shcx_");
        JsonNode listed = json(ALICE, "{\"type\":\"items.list\",\"params\":{\"thread_id\":\"" + threadId + "\"}}");
        assertThat(listed.get("data")).extracting(n -> n.get("type").asText()).as("hidden items stay hidden")
                .containsExactly("assistant_message", "user_message");
        assertThat(answers).as("a cancelled answer is not reported as an answer").isEmpty();

        stream(ALICE, addMessage(threadId, "zwei"));
        assertThat(responder.turns.get(1).history()).extracting(ThreadItem::type)
                .startsWith("user_message", "assistant_message", "sdk_hidden_context", "user_message");
    }

    @Test
    void aStalledUpstreamEndsWithARetryableErrorAndKeepsTheHalfAnswer() {
        List<String> aborted = new CopyOnWriteArrayList<>();
        ChatKitResponder stalling = new ChatKitResponder() {
            @Override
            public void respond(ResponseTurn turn) {
                throw new UnsupportedOperationException();
            }

            @Override
            public CompletionStage<Void> respondAsync(ResponseTurn turn) {
                CompletableFuture<Void> upstream = new CompletableFuture<>();
                turn.onCancel(() -> {
                    aborted.add("aborted");
                    upstream.completeExceptionally(new StreamCancelledException("aborted", null));
                });
                String id = turn.newItemId("msg");
                turn.emit(new ThreadStreamEvent.ThreadItemAdded(new AssistantMessageItem(id, turn.thread().id(), turn.now(), List.of())));
                turn.emit(new ThreadStreamEvent.ThreadItemUpdated(id, new ThreadItemUpdate.ContentPartAdded(0, AssistantContent.of("", List.of()))));
                turn.emit(new ThreadStreamEvent.ThreadItemUpdated(id, new ThreadItemUpdate.TextDelta(0, "Die halbe")));
                return upstream; // then only keep-alives: nothing more reaches the turn
            }
        };
        ChatKitServer idle = ChatKitServer.builder().store(store).responder(stalling)
                .streamIdleTimeout(Duration.ofMillis(300)).build();

        List<JsonNode> events = streamWith(idle, ALICE, create("eins"));

        assertThat(Sse.types(events)).containsExactly("thread.created", "thread.item.done", "stream_options",
                "thread.item.added", "thread.item.updated", "thread.item.updated", "thread.item.done", "error");
        assertThat(events.get(6).get("item").get("content").get(0).get("text").asText()).isEqualTo("Die halbe");
        JsonNode error = events.get(7);
        assertThat(error.get("code").asText()).isEqualTo("stream.error");
        assertThat(error.get("allow_retry").asBoolean()).isTrue();
        assertThat(aborted).containsExactly("aborted");
        assertThat(idle.activeStreams()).isZero();
        List<ThreadItem> items = store.listItems(ALICE.userId(), idOf(events), 10, null, ThreadStore.ASC).data();
        assertThat(items).extracting(ThreadItem::type)
                .containsExactly("user_message", "assistant_message", "sdk_hidden_context");
        assertThat(((AssistantMessageItem) items.get(1)).text()).isEqualTo("Die halbe");
    }

    @Test
    void theIdleTimeoutComesFromTheSettings() {
        ChatKitServer configured = ChatKitServer.builder().store(store).responder(responder)
                .settings(com.landki.interview.config.ConfigSource.of(Map.of("CHATKIT_STREAM_IDLE_TIMEOUT", "0",
                        "CHATKIT_THREAD_TITLES", "false"))).build();

        assertThat(configured.streamIdleTimeout()).isZero();
        assertThat(server.streamIdleTimeout()).isEqualTo(Duration.ofSeconds(60));
        List<JsonNode> events = streamWith(configured, ALICE, create("eins"));
        assertThat(Sse.types(events)).doesNotContain("thread.updated");
        assertThat(store.loadThread(ALICE.userId(), idOf(events)).orElseThrow().title()).isNull();
    }

    @Test
    void reportOutOfScopeSendsAClientEffectAndTellsTheListener() {
        responder.outOfScopeReason = "Frage zum Wetter";

        List<JsonNode> events = stream(ALICE, create("Wie wird das Wetter?"));

        JsonNode effect = events.stream().filter(e -> e.get("type").asText().equals("client_effect")).findFirst().orElseThrow();
        assertThat(effect.get("name").asText()).isEqualTo("out_of_scope");
        assertThat(effect.get("data").get("reason").asText()).isEqualTo("Frage zum Wetter");
        assertThat(answers).singleElement().satisfies(event -> {
            assertThat(event.outOfScope()).isTrue();
            assertThat(event.source()).isEqualTo("structured");
            assertThat(event.question()).isEqualTo("Wie wird das Wetter?");
            assertThat(event.answer()).isEqualTo("Hallo Welt");
            assertThat(event.reason()).isEqualTo("Frage zum Wetter");
            assertThat(event.threadId()).isEqualTo(idOf(events));
            assertThat(event.itemId()).startsWith("msg_");
        });
    }

    @Test
    void theAnswerClassifierFlagsAnswersTheModelDidNotFlag() {
        ChatKitServer classified = ChatKitServer.builder().store(store).responder(responder)
                .answerListener(answers::add)
                .answerClassifier((question, answer) -> answer.contains("Welt") ? Optional.of("welt") : Optional.empty())
                .build();

        List<JsonNode> events = streamWith(classified, ALICE, create("eins"));

        assertThat(Sse.types(events)).endsWith("thread.item.done", "client_effect", "thread.updated");
        assertThat(answers).singleElement().satisfies(event -> {
            assertThat(event.outOfScope()).isTrue();
            assertThat(event.source()).isEqualTo("marker");
            assertThat(event.reason()).isEqualTo("welt");
        });
    }

    @Test
    void unknownItemTypesAreKeptAndSentBackAsTheyCame() throws IOException {
        String threadId = createThread(ALICE, "eins");
        // a widget with a component the SDK does not model (Image) stays a raw item
        JsonNode widget = MAPPER.readTree("{\"type\":\"widget\",\"id\":\"wdg_1\",\"thread_id\":\"" + threadId
                + "\",\"created_at\":\"2026-11-26T03:00:00\",\"widget\":{\"type\":\"Card\",\"children\":"
                + "[{\"type\":\"Image\",\"src\":\"https://example.org/a.png\"}]},\"copy_text\":\"c\"}");
        store.saveItem(ALICE.userId(), threadId,
                com.landki.interview.chatkit.server.types.internal.ProtocolJson.readItem(widget));

        JsonNode items = json(ALICE, "{\"type\":\"items.list\",\"params\":{\"thread_id\":\"" + threadId + "\",\"limit\":1}}");

        assertThat(items.get("data").get(0)).isEqualTo(widget);
    }

    // ---- helpers ----

    private String createThread(RequestContext who, String text) {
        return idOf(stream(who, create(text)));
    }

    private static String idOf(List<JsonNode> events) {
        return events.get(0).get("thread").get("id").asText();
    }

    public static String create(String text) {
        return "{\"type\":\"threads.create\",\"params\":{\"input\":{\"content\":[{\"type\":\"input_text\",\"text\":\""
                + text + "\"}],\"attachments\":[],\"inference_options\":{}}},\"metadata\":{}}";
    }

    static String addMessage(String threadId, String text) {
        return "{\"type\":\"threads.add_user_message\",\"params\":{\"thread_id\":\"" + threadId
                + "\",\"input\":{\"content\":[{\"type\":\"input_text\",\"text\":\"" + text
                + "\"}],\"attachments\":[],\"inference_options\":{}}}}";
    }

    private List<JsonNode> stream(RequestContext who, String request) {
        return streamWith(server, who, request);
    }

    private static List<JsonNode> streamWith(ChatKitServer target, RequestContext who, String request) {
        ChatKitResult result = target.process(bytes(request), who);
        assertThat(result.isStreaming()).isTrue();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        result.writeTo(out);
        return Sse.events(out.toByteArray());
    }

    private JsonNode json(RequestContext who, String request) {
        ChatKitResult result = server.process(bytes(request), who);
        assertThat(result.isStreaming()).isFalse();
        try {
            return MAPPER.readTree(result.json());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A clock that moves one second per reading, so creation order is unambiguous. */
    private static final class TickingClock extends Clock {
        private Instant now = Instant.parse("2026-11-26T03:00:00Z");

        @Override
        public synchronized Instant instant() {
            now = now.plusSeconds(1);
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}

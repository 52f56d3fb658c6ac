package com.landki.interview.chatkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.landki.interview.chatkit.server.responder.ChatKitResponder;
import com.landki.interview.chatkit.server.responder.ResponseTurn;
import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.chatkit.server.types.ChatKitException;
import com.landki.interview.chatkit.server.types.HiddenContextItem;
import com.landki.interview.chatkit.server.types.RequestContext;
import com.landki.interview.chatkit.server.types.StructuredInputItem;
import com.landki.interview.chatkit.server.types.ThreadMetadata;
import com.landki.interview.chatkit.server.types.ThreadStreamEvent;
import com.landki.interview.chatkit.server.types.WidgetItem;
import com.landki.interview.chatkit.server.widgets.Card;
import com.landki.interview.chatkit.server.widgets.Text;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: where our answers must look like chatkit-python's (its {@code server.py} at {@code dacc133}) for the
 * same request. Each test names the reference behaviour it pins.
 */
class ChatKitParityTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final RequestContext ALICE = RequestContext.of("user-alice");

    private final ThreadStore store = ThreadStore.inMemory();
    private final ScriptedResponder responder = new ScriptedResponder();
    private final List<FeedbackListener.Feedback> feedback = new CopyOnWriteArrayList<>();
    private final ChatKitServer server = ChatKitServer.builder().store(store).responder(responder)
            .feedbackListener(feedback::add).build();

    @Test
    void threadsUpdateAnswersTheRenamedThreadWithAnEmptyItemsPage() {
        String threadId = createThread("eins");

        JsonNode updated = json("{\"type\":\"threads.update\",\"params\":{\"thread_id\":\"" + threadId
                + "\",\"title\":\"Neuer Titel\"}}");

        // server.py ThreadsUpdateReq: _to_thread_response(ThreadMetadata) -> items=Page()
        assertThat(updated.get("title").asText()).isEqualTo("Neuer Titel");
        assertThat(updated.get("items").get("data")).isEmpty();
        assertThat(updated.get("items").get("has_more").asBoolean()).isFalse();
        assertThat(store.listItems(ALICE.userId(), threadId, 10, null, ThreadStore.ASC).data()).hasSize(2);
    }

    @Test
    void threadAnswersCarryAnEmptyMetadataObjectAndTheThreadsImageDomains() {
        String threadId = createThread("eins");
        ThreadMetadata stored = store.loadThread(ALICE.userId(), threadId).orElseThrow();
        store.saveThread(ALICE.userId(), stored.withAllowedImageDomains(List.of("cdn.example.org"))
                .withMetadata(Map.of("internal", "nicht für die Seite")));

        JsonNode byId = json("{\"type\":\"threads.get_by_id\",\"params\":{\"thread_id\":\"" + threadId + "\"}}");
        JsonNode listed = json("{\"type\":\"threads.list\",\"params\":{}}").get("data").get(0);
        JsonNode updated = json("{\"type\":\"threads.update\",\"params\":{\"thread_id\":\"" + threadId
                + "\",\"title\":\"T\"}}");

        for (JsonNode thread : List.of(byId, listed, updated)) {
            // Thread(ThreadMetadata) is serialized with its metadata field, which _to_thread_response leaves {}
            assertThat(thread.get("metadata").isObject()).isTrue();
            assertThat(thread.get("metadata")).isEmpty();
            assertThat(thread.get("allowed_image_domains")).hasSize(1);
            assertThat(thread.get("allowed_image_domains").get(0).asText()).isEqualTo("cdn.example.org");
        }
        assertThat(store.loadThread(ALICE.userId(), threadId).orElseThrow().metadata())
                .containsEntry("internal", "nicht für die Seite");
    }

    @Test
    void aNewThreadHasEmptyMetadataAndNoImageDomains() {
        JsonNode created = stream(ChatKitServerProtocolTest.create("eins")).get(0).get("thread");

        assertThat(created.get("metadata").isObject()).isTrue();
        assertThat(created.get("metadata")).isEmpty();
        assertThat(created.has("allowed_image_domains")).as("None is left out (exclude_none)").isFalse();
    }

    @Test
    void feedbackOnItemsThatAreNotInTheThreadIsNotFoundAndRecordsNothing() {
        String threadId = createThread("eins");
        String otherThread = createThread("zwei");
        String otherItem = store.listItems(ALICE.userId(), otherThread, 1, null, ThreadStore.DESC).data().get(0).id();
        String answerId = store.listItems(ALICE.userId(), threadId, 1, null, ThreadStore.DESC).data().get(0).id();
        store.saveItem(ALICE.userId(), threadId, new HiddenContextItem("shcx_1", threadId, Instant.now(), "note"));

        for (String ids : List.of("\"msg_gibt_es_nicht\"", "\"" + otherItem + "\"", "\"shcx_1\"",
                "\"" + answerId + "\",\"msg_gibt_es_nicht\"")) {
            assertThatThrownBy(() -> json("{\"type\":\"items.feedback\",\"params\":{\"thread_id\":\"" + threadId
                    + "\",\"item_ids\":[" + ids + "],\"kind\":\"negative\"}}"))
                    .isInstanceOf(ChatKitException.class)
                    .satisfies(e -> {
                        assertThat(((ChatKitException) e).code()).isEqualTo(ChatKitException.NOT_FOUND);
                        assertThat(((ChatKitException) e).httpStatus()).isEqualTo(404);
                    });
        }
        assertThat(feedback).isEmpty();

        json("{\"type\":\"items.feedback\",\"params\":{\"thread_id\":\"" + threadId + "\",\"item_ids\":[\""
                + answerId + "\"],\"kind\":\"positive\"}}");
        assertThat(feedback).hasSize(1);
    }

    @Test
    void customActionFromAnItemThatIsNotAWidgetIsOnlyANonRetryableError() {
        String threadId = createThread("eins");
        String answerId = store.listItems(ALICE.userId(), threadId, 1, null, ThreadStore.DESC).data().get(0).id();

        for (String type : List.of("noop", ChatKitServer.OUT_OF_SCOPE_ACTION)) {
            List<JsonNode> events = stream(customAction(threadId, answerId, type));

            // server.py ThreadsCustomActionReq: `item and not isinstance(item, WidgetItem)` yields one ErrorEvent
            // before _process_events, so no stream_options
            assertThat(Sse.types(events)).as(type).containsExactly("error");
            assertThat(events.get(0).get("code").asText()).isEqualTo("stream.error");
            assertThat(events.get(0).get("allow_retry").asBoolean()).isFalse();
            assertThat(events.get(0).has("message")).isFalse();
        }
        assertThat(store.listItems(ALICE.userId(), threadId, 10, null, ThreadStore.ASC).data()).hasSize(2);
        assertThat(feedback).isEmpty();
    }

    @Test
    void customActionNobodyHandlesEndsAsTheBaseClassActionDoes() {
        String threadId = createThread("eins");
        WidgetItem widget = new WidgetItem("wgt_1", threadId, Instant.now(),
                Card.builder().child(Text.builder("Karte").build()).build(), "Karte");
        store.saveItem(ALICE.userId(), threadId, widget);

        for (String itemId : java.util.Arrays.asList(null, "wgt_1")) {
            List<JsonNode> events = stream(customAction(threadId, itemId, "noop"));

            // ChatKitServer.action raises NotImplementedError inside _process_events: the generic handler's
            // ErrorEvent(code=STREAM_ERROR, allow_retry=True) after stream_options
            assertThat(Sse.types(events)).as("sender " + itemId).containsExactly("stream_options", "error");
            assertThat(events.get(1).get("code").asText()).isEqualTo("stream.error");
            assertThat(events.get(1).get("allow_retry").asBoolean()).isTrue();
        }
    }

    @Test
    void customActionFromAnItemTheThreadDoesNotHaveIsNotFound() {
        String threadId = createThread("eins");

        // chatkit-python's store raises NotFoundError inside the already started stream; we refuse before it
        assertThatThrownBy(() -> stream(customAction(threadId, "wgt_gibt_es_nicht", "noop")))
                .isInstanceOf(ChatKitException.class)
                .satisfies(e -> assertThat(((ChatKitException) e).httpStatus()).isEqualTo(404));
    }

    @Test
    void structuredInputAnswersReplaceTheItemThenTheAnswerContinues() {
        ChatKitServer asking = ChatKitServer.builder().store(store).responder(new AskingResponder()).build();
        String threadId = streamWith(asking, ChatKitServerProtocolTest.create("Plane eine Stunde")).get(0)
                .get("thread").get("id").asText();

        List<JsonNode> events = streamWith(asking, structuredInput(threadId, "si_1", "{\"status\":\"answered\","
                + "\"answers\":{\"subject\":{\"values\":[\"Privatstunde\",\"Mathe\"]},"
                + "\"details\":{\"values\":[\"Mit Gruppenarbeit\"]},\"gibt_es_nicht\":{\"values\":[\"x\"]}}}"));

        // server.py: _process_events yields stream_options, then ThreadItemReplacedEvent, then respond(thread, None)
        assertThat(Sse.types(events)).startsWith("stream_options", "thread.item.replaced", "thread.item.added");
        // the first assistant message of the thread: titled after it (ThreadTitles)
        assertThat(Sse.types(events)).endsWith("thread.item.done", "thread.updated");
        JsonNode item = events.get(1).get("item");
        assertThat(item.get("type").asText()).isEqualTo("structured_input");
        assertThat(item.get("id").asText()).isEqualTo("si_1");
        assertThat(item.get("status").asText()).isEqualTo("answered");
        JsonNode subject = item.get("inputs").get(0);
        assertThat(subject.get("type").asText()).isEqualTo("multiple_choice");
        assertThat(subject.get("multiple").asBoolean()).isFalse();
        assertThat(subject.get("options").get(1).get("value").asText()).isEqualTo("Physik");
        // a custom answer is kept; a single choice keeps its first value
        assertThat(subject.get("answer").get("values")).hasSize(1);
        assertThat(subject.get("answer").get("values").get(0).asText()).isEqualTo("Privatstunde");
        assertThat(subject.get("answer").get("skipped").asBoolean()).isFalse();
        JsonNode details = item.get("inputs").get(1);
        assertThat(details.get("type").asText()).isEqualTo("freeform");
        assertThat(details.has("multiple")).isFalse();
        assertThat(details.get("answer").get("values").get(0).asText()).isEqualTo("Mit Gruppenarbeit");
        assertThat(item.get("inputs")).hasSize(2);

        StructuredInputItem stored = (StructuredInputItem) store.loadItem(ALICE.userId(), threadId, "si_1").orElseThrow();
        assertThat(stored.status()).isEqualTo(StructuredInputItem.ANSWERED);
        assertThat(stored.inputs().get(0).answer().values()).containsExactly("Privatstunde");
        assertThat(events.get(events.size() - 2).get("item").get("type").asText()).isEqualTo("assistant_message");
        assertThat(store.listItems(ALICE.userId(), threadId, 10, null, ThreadStore.ASC).data())
                .extracting(i -> i.type()).containsExactly("user_message", "structured_input", "assistant_message");
    }

    @Test
    void omittedAndSkippedStructuredAnswersAreRecordedAsSkipped() {
        ChatKitServer asking = ChatKitServer.builder().store(store).responder(new AskingResponder()).build();
        String first = streamWith(asking, ChatKitServerProtocolTest.create("eins")).get(0).get("thread").get("id").asText();
        String second = streamWith(asking, ChatKitServerProtocolTest.create("zwei")).get(0).get("thread").get("id").asText();

        JsonNode omitted = streamWith(asking, structuredInput(first, "si_1",
                "{\"answers\":{\"subject\":{\"values\":[\"Mathe\"]}}}")).get(1).get("item");
        JsonNode skipped = streamWith(asking, structuredInput(second, "si_1", "{\"status\":\"skipped\","
                + "\"answers\":{\"subject\":{\"values\":[\"Mathe\"]}}}")).get(1).get("item");

        // _apply_structured_input_submission: no answer, skipped, empty values or a skipped submission -> skipped
        assertThat(omitted.get("status").asText()).isEqualTo("answered");
        assertThat(omitted.get("inputs").get(0).get("answer").get("values").get(0).asText()).isEqualTo("Mathe");
        assertThat(omitted.get("inputs").get(1).get("answer").get("skipped").asBoolean()).isTrue();
        assertThat(omitted.get("inputs").get(1).get("answer").get("values")).isEmpty();
        assertThat(skipped.get("status").asText()).isEqualTo("skipped");
        for (JsonNode question : skipped.get("inputs")) {
            assertThat(question.get("answer").get("skipped").asBoolean()).isTrue();
        }
    }

    @Test
    void structuredInputThatIsNotPendingOrNotAStructuredInputIsRefused() {
        ChatKitServer asking = ChatKitServer.builder().store(store).responder(new AskingResponder()).build();
        String threadId = streamWith(asking, ChatKitServerProtocolTest.create("eins")).get(0).get("thread").get("id")
                .asText();
        String questionId = store.listItems(ALICE.userId(), threadId, 1, null, ThreadStore.ASC).data().get(0).id();
        streamWith(asking, structuredInput(threadId, "si_1", "{}"));

        assertRefused(asking, structuredInput(threadId, "si_1", "{}"), 400, "params.item_id names a structured input that is not pending");
        assertRefused(asking, structuredInput(threadId, questionId, "{}"), 400, "params.item_id must name a structured input");
        assertRefused(asking, structuredInput(threadId, "si_gibt_es_nicht", "{}"), 404, "item not found: si_gibt_es_nicht");
        String pending = streamWith(asking, ChatKitServerProtocolTest.create("zwei")).get(0).get("thread").get("id")
                .asText();
        assertRefused(asking, structuredInput(pending, "si_1", "{\"status\":\"vielleicht\"}"), 400,
                "params.input.status must be \"answered\" or \"skipped\"");
        assertRefused(asking, structuredInput(pending, "si_1", "{\"answers\":{\"subject\":{\"values\":\"Mathe\"}}}"),
                400, "params.input.answers.subject.values must be an array of strings");
        assertThat(((StructuredInputItem) store.loadItem(ALICE.userId(), pending, "si_1").orElseThrow()).status())
                .isEqualTo(StructuredInputItem.PENDING);
    }

    @Test
    void requestsChatKitPythonBreaksItsStreamOnAreRefusedBeforeAnythingStreams() {
        String threadId = createThread("eins");
        String answerId = store.listItems(ALICE.userId(), threadId, 1, null, ThreadStore.DESC).data().get(0).id();

        // server.py: retry_after_item with an unknown id streams nothing; on an answer it raises ValueError in the
        // stream; sync_custom_action calls sync_action, which raises NotImplementedError in the base class
        assertRefused(server, "{\"type\":\"threads.retry_after_item\",\"params\":{\"thread_id\":\"" + threadId
                + "\",\"item_id\":\"msg_gibt_es_nicht\"}}", 404, "item not found: msg_gibt_es_nicht");
        assertRefused(server, "{\"type\":\"threads.retry_after_item\",\"params\":{\"thread_id\":\"" + threadId
                + "\",\"item_id\":\"" + answerId + "\"}}", 400, "params.item_id must name a user message");
        assertRefused(server, "{\"type\":\"threads.sync_custom_action\",\"params\":{\"thread_id\":\"" + threadId
                + "\",\"action\":{\"type\":\"noop\"}}}", 400,
                "type is not a known request type: threads.sync_custom_action");
        assertThat(store.listItems(ALICE.userId(), threadId, 10, null, ThreadStore.ASC).data()).hasSize(2);
    }

    // ---- helpers ----

    /** Asks a structured input for a user message; answers once the structured input came back. */
    private static final class AskingResponder implements ChatKitResponder {
        @Override
        public void respond(ResponseTurn turn) {
            if (turn.input() != null) {
                turn.emit(new ThreadStreamEvent.ThreadItemDone(new StructuredInputItem("si_1", turn.thread().id(),
                        turn.now(), null, List.of(
                        StructuredInputItem.Input.multipleChoice("subject", "Welches Fach?", List.of("Mathe", "Physik"),
                                false),
                        StructuredInputItem.Input.freeform("details", "Noch etwas?", null)))));
                return;
            }
            new ScriptedResponder().respond(turn);
        }
    }

    private static String structuredInput(String threadId, String itemId, String input) {
        return "{\"type\":\"threads.add_structured_input\",\"params\":{\"thread_id\":\"" + threadId
                + "\",\"item_id\":\"" + itemId + "\",\"input\":" + input + "}}";
    }

    private static void assertRefused(ChatKitServer on, String request, int status, String message) {
        assertThatThrownBy(() -> on.process(request.getBytes(StandardCharsets.UTF_8), ALICE))
                .isInstanceOf(ChatKitException.class).hasMessage(message)
                .satisfies(e -> assertThat(((ChatKitException) e).httpStatus()).isEqualTo(status));
    }

    private List<JsonNode> streamWith(ChatKitServer on, String request) {
        ChatKitResult result = on.process(request.getBytes(StandardCharsets.UTF_8), ALICE);
        assertThat(result.isStreaming()).isTrue();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        result.writeTo(out);
        return Sse.events(out.toByteArray());
    }


    private static String customAction(String threadId, String itemId, String type) {
        return "{\"type\":\"threads.custom_action\",\"params\":{\"thread_id\":\"" + threadId + "\","
                + (itemId == null ? "" : "\"item_id\":\"" + itemId + "\",") + "\"action\":{\"type\":\"" + type
                + "\",\"payload\":{}}}}";
    }

    private String createThread(String text) {
        return stream(ChatKitServerProtocolTest.create(text)).get(0).get("thread").get("id").asText();
    }

    private List<JsonNode> stream(String request) {
        ChatKitResult result = server.process(request.getBytes(StandardCharsets.UTF_8), ALICE);
        assertThat(result.isStreaming()).isTrue();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        result.writeTo(out);
        return Sse.events(out.toByteArray());
    }

    private JsonNode json(String request) {
        ChatKitResult result = server.process(request.getBytes(StandardCharsets.UTF_8), ALICE);
        assertThat(result.isStreaming()).isFalse();
        try {
            return MAPPER.readTree(result.json());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}

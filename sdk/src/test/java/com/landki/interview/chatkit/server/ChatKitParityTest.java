package com.landki.interview.chatkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.chatkit.server.types.ChatKitException;
import com.landki.interview.chatkit.server.types.HiddenContextItem;
import com.landki.interview.chatkit.server.types.RequestContext;
import com.landki.interview.chatkit.server.types.ThreadMetadata;
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

    // ---- helpers ----

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

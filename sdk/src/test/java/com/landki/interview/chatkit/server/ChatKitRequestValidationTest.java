package com.landki.interview.chatkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.chatkit.server.types.ChatKitException;
import com.landki.interview.chatkit.server.types.RequestContext;
import com.landki.interview.chatkit.server.types.ThreadMetadata;
import com.landki.interview.chatkit.server.types.UserMessageItem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * How protocol requests are read: strictly (no trailing tokens, no key twice, no coercion, every wrong type a
 * 400 naming the field), and the edge values chatkit-python accepts accepted here too.
 */
class ChatKitRequestValidationTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final RequestContext ALICE = RequestContext.of("user-alice");

    private final ThreadStore store = ThreadStore.inMemory();
    private final List<FeedbackListener.Feedback> feedback = new CopyOnWriteArrayList<>();
    private final ChatKitServer server = ChatKitServer.builder().store(store).responder(new ScriptedResponder())
            .feedbackListener(feedback::add).build();

    @Test
    void aBodyWithAnythingAfterTheObjectOrAKeyNamedTwiceIsInvalidJson() {
        refused("{\"type\":\"threads.list\",\"params\":{}} {}", 400, "invalid_json", "not valid JSON");
        refused("{\"type\":\"threads.list\",\"params\":{}}x", 400, "invalid_json", "not valid JSON");
        refused("{\"type\":\"threads.list\",\"type\":\"threads.delete\",\"params\":{}}", 400, "invalid_json",
                "Duplicate field 'type'");
        refused("{\"type\":\"threads.list\",\"params\":{\"limit\":5,\"limit\":6}}", 400, "invalid_json",
                "Duplicate field 'limit'");
        assertThat(json("{\"type\":\"threads.list\",\"params\":{}}\n").get("data")).isEmpty();
    }

    @Test
    void wronglyTypedFieldsAreRefusedNamingTheFieldNotCoerced() {
        String thread = thread("eins");
        refused("{\"type\":\"threads.list\",\"params\":{\"limit\":2.5}}", 400, "validation_failed",
                "params.limit must be an integer, not a number");
        refused("{\"type\":\"threads.list\",\"params\":{\"limit\":\"5\"}}", 400, "validation_failed",
                "params.limit must be an integer, not a string");
        refused("{\"type\":\"threads.list\",\"params\":[1]}", 400, "validation_failed",
                "params must be an object, not an array");
        refused("{\"type\":\"threads.list\",\"params\":null}", 400, "validation_failed", "params must be an object");
        refused("{\"type\":\"threads.list\",\"params\":{\"after\":5}}", 400, "validation_failed",
                "params.after must be a string, not a number");
        refused("{\"type\":\"threads.list\",\"params\":{\"order\":1}}", 400, "validation_failed", "params.order");
        refused("{\"type\":5,\"params\":{}}", 400, "validation_failed", "type must be a string, not a number");
        refused("{\"type\":\"threads.get_by_id\",\"params\":{\"thread_id\":5}}", 400, "validation_failed",
                "params.thread_id must be a string, not a number");
        refused("{\"type\":\"items.list\",\"params\":{\"thread_id\":\"" + thread + "\",\"limit\":1.0}}", 400,
                "validation_failed", "params.limit");
        refused("{\"type\":\"threads.update\",\"params\":{\"thread_id\":\"" + thread + "\",\"title\":7}}", 400,
                "validation_failed", "params.title must be a string, not a number");
        refused("{\"type\":\"items.feedback\",\"params\":{\"thread_id\":\"" + thread
                + "\",\"item_ids\":\"msg_1\",\"kind\":\"positive\"}}", 400, "validation_failed",
                "params.item_ids must be an array of strings, not a string");
        refused("{\"type\":\"items.feedback\",\"params\":{\"thread_id\":\"" + thread
                + "\",\"item_ids\":[1],\"kind\":\"positive\"}}", 400, "validation_failed",
                "params.item_ids[0] must be a string, not a number");
        refused("{\"type\":\"threads.custom_action\",\"params\":{\"thread_id\":\"" + thread
                + "\",\"item_id\":3,\"action\":{\"type\":\"out_of_scope.report\"}}}", 400, "validation_failed",
                "params.item_id must be a string, not a number");
        assertThat(store.loadThread(ALICE.userId(), thread).orElseThrow().title()).isEqualTo("eins");
        assertThat(feedback).isEmpty();
    }

    @Test
    void wronglyTypedMessageInputIsRefusedNamingTheField() {
        refused(create("\"input\":[]"), 400, "validation_failed", "params.input must be an object, not an array");
        refused(create("\"input\":{\"content\":\"hi\"}"), 400, "validation_failed",
                "params.input.content must be an array, not a string");
        refused(create("\"input\":{\"content\":[\"hi\"]}"), 400, "validation_failed",
                "params.input.content[0] must be an object, not a string");
        refused(create("\"input\":{\"content\":[{\"type\":\"input_text\",\"text\":5}]}"), 400, "validation_failed",
                "params.input.content[0].text has the wrong type");
        refused(create("\"input\":{\"content\":[{\"type\":\"input_tag\",\"id\":\"t\",\"text\":\"x\","
                + "\"interactive\":\"yes\"}]}"), 400, "validation_failed", "params.input.content[0].interactive");
        refused(create("\"input\":{\"content\":[],\"attachments\":\"att_1\"}"), 400, "validation_failed",
                "params.input.attachments");
        refused(create("\"input\":{\"content\":[],\"quoted_text\":1}"), 400, "validation_failed",
                "params.input.quoted_text must be a string, not a number");
        refused(create("\"input\":{\"content\":[],\"inference_options\":[]}"), 400, "validation_failed",
                "params.input.inference_options must be an object, not an array");
        refused(create("\"input\":{\"content\":[],\"inference_options\":{\"model\":5}}"), 400,
                "validation_failed", "params.input.inference_options.model has the wrong type");
        assertThat(store.threadIdsCreatedBefore(Instant.MAX)).isEmpty();
    }

    @Test
    void metadataThatIsNoObjectIsRefused() {
        for (String metadata : List.of("[]", "\"x\"", "1", "null")) {
            refused("{\"type\":\"threads.list\",\"params\":{},\"metadata\":" + metadata + "}", 400,
                    "validation_failed", "metadata must be an object");
        }
        assertThat(json("{\"type\":\"threads.list\",\"params\":{},\"metadata\":{\"k\":[1]}}").get("data")).isEmpty();
    }

    @Test
    void aMessageWithEmptyContentIsAcceptedAsInChatkitPython() {
        List<JsonNode> events = stream(create("\"input\":{\"content\":[],\"attachments\":[],\"quoted_text\":null,"
                + "\"inference_options\":{}}"));

        assertThat(Sse.types(events)).startsWith("thread.created", "thread.item.done");
        assertThat(events.get(1).get("item").get("content")).isEmpty();
        String thread = events.get(0).get("thread").get("id").asText();
        assertThat(store.listItems(ALICE.userId(), thread, 10, null, ThreadStore.ASC).data().get(0))
                .isInstanceOfSatisfying(UserMessageItem.class, m -> assertThat(m.content()).isEmpty());
    }

    @Test
    void feedbackOnNoItemsIsAcceptedAndRecordsNothing() {
        String thread = thread("eins");

        JsonNode answer = json("{\"type\":\"items.feedback\",\"params\":{\"thread_id\":\"" + thread
                + "\",\"item_ids\":[],\"kind\":\"positive\"}}");

        assertThat(answer.isObject()).isTrue();
        assertThat(answer).isEmpty();
        assertThat(feedback).isEmpty();
    }

    @Test
    void limitZeroIsTheDefaultPageAndALargeLimitIsCappedNotRefused() {
        String thread = thread("eins");
        for (int i = 0; i < 11; i++) {
            stream("{\"type\":\"threads.add_user_message\",\"params\":{\"thread_id\":\"" + thread
                    + "\",\"input\":{\"content\":[{\"type\":\"input_text\",\"text\":\"n" + i + "\"}]}}}");
        }
        // 24 items: 12 questions, 12 answers

        JsonNode zero = json("{\"type\":\"items.list\",\"params\":{\"thread_id\":\"" + thread + "\",\"limit\":0}}");
        JsonNode large = json("{\"type\":\"items.list\",\"params\":{\"thread_id\":\"" + thread
                + "\",\"limit\":1000}}");
        JsonNode huge = json("{\"type\":\"threads.list\",\"params\":{\"limit\":100000000000000000000}}");

        assertThat(zero.get("data")).hasSize(ChatKitServer.DEFAULT_PAGE_SIZE);
        assertThat(zero.get("has_more").asBoolean()).isTrue();
        assertThat(large.get("data")).hasSize(24);
        assertThat(large.get("has_more").asBoolean()).isFalse();
        assertThat(huge.get("data")).hasSize(1);
        assertThat(RequestParams.limit(MAPPER.createObjectNode().put("limit", 1000)))
                .isEqualTo(ChatKitServer.MAX_PAGE_SIZE);
        refused("{\"type\":\"threads.list\",\"params\":{\"limit\":-1}}", 400, "validation_failed",
                "params.limit must not be negative");
    }

    @Test
    void anEmptyTitleIsAcceptedAsInChatkitPython() {
        String thread = thread("eins");

        JsonNode answer = json("{\"type\":\"threads.update\",\"params\":{\"thread_id\":\"" + thread
                + "\",\"title\":\"\"}}");

        assertThat(answer.get("title").asText()).isEmpty();
        assertThat(store.loadThread(ALICE.userId(), thread).map(ThreadMetadata::title)).contains("");
    }

    // ---- helpers ----

    private String thread(String text) {
        List<JsonNode> events = stream(create("\"input\":{\"content\":[{\"type\":\"input_text\",\"text\":\"" + text
                + "\"}],\"attachments\":[],\"inference_options\":{}}"));
        return events.get(0).get("thread").get("id").asText();
    }

    private static String create(String params) {
        return "{\"type\":\"threads.create\",\"params\":{" + params + "}}";
    }

    private void refused(String request, int status, String code, String message) {
        assertThatThrownBy(() -> server.process(bytes(request), ALICE)).as(request)
                .isInstanceOfSatisfying(ChatKitException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(status);
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getMessage()).contains(message);
                });
    }

    private List<JsonNode> stream(String request) {
        ChatKitResult result = server.process(bytes(request), ALICE);
        assertThat(result.isStreaming()).isTrue();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        result.writeTo(out);
        return Sse.events(out.toByteArray());
    }

    private JsonNode json(String request) {
        ChatKitResult result = server.process(bytes(request), ALICE);
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
}

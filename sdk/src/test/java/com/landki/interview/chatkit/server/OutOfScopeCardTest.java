package com.landki.interview.chatkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.landki.interview.chatkit.server.setup.StoreHooks;
import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.chatkit.server.types.ChatKitException;
import com.landki.interview.chatkit.server.types.RequestContext;
import com.landki.interview.chatkit.server.types.ThreadItem;
import com.landki.interview.chatkit.server.types.WidgetItem;
import com.landki.interview.store.FeedbackEntry;
import com.landki.interview.store.InterviewStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The out-of-scope card end to end on the protocol: an answer the model flags carries a widget item with the
 * card, its button's action stores exactly one feedback entry (through {@link StoreHooks#feedbackTo}, into a real
 * feedback store) and turns the card into its thank-you state, stored and listed again; bad actions are 4xx
 * before anything streams.
 */
class OutOfScopeCardTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final RequestContext ALICE = new RequestContext("user-alice", Map.of(RequestContext.IP, "203.0.113.0"));
    private static final RequestContext BOB = RequestContext.of("user-bob");

    private final InterviewStore interview = InterviewStore.inMemory();
    private final ThreadStore store = ThreadStore.inMemory();
    private final ScriptedResponder responder = new ScriptedResponder();
    private final ChatKitServer server = ChatKitServer.builder().store(store).responder(responder)
            .feedbackListener(StoreHooks.feedbackTo(interview.feedback())).build();

    @AfterEach
    void close() {
        interview.close();
    }

    @Test
    void anOutOfScopeAnswerEndsWithTheCardAsAWidgetItem() {
        responder.outOfScopeReason = "Wetter";

        List<JsonNode> events = stream(ALICE, ChatKitServerProtocolTest.create("Wie wird das Wetter?"));

        List<String> types = Sse.types(events);
        int answerDone = types.lastIndexOf("thread.item.done") - 2;
        assertThat(types).contains("client_effect").as("the page-side effect stays for pages that rely on it");
        assertThat(events.get(answerDone).get("item").get("type").asText()).isEqualTo("assistant_message");
        JsonNode added = events.get(answerDone + 1);
        JsonNode done = events.get(answerDone + 2);
        assertThat(added.get("type").asText()).isEqualTo("thread.item.added");
        assertThat(done.get("type").asText()).isEqualTo("thread.item.done");
        JsonNode item = done.get("item");
        assertThat(added.get("item")).isEqualTo(item);
        assertThat(item.get("type").asText()).isEqualTo("widget");
        assertThat(item.get("id").asText()).startsWith("wgt_");
        assertThat(item.get("thread_id").asText()).isEqualTo(threadIdOf(events));
        assertThat(item.get("copy_text").asText()).isEqualTo("Diese Frage liegt außerhalb der Dokumente");
        JsonNode card = item.get("widget");
        assertThat(card.get("type").asText()).isEqualTo("Card");
        assertThat(card.toString()).contains("\"value\":\"Diese Frage liegt außerhalb der Dokumente\"");
        JsonNode button = findByType(card, "Button");
        assertThat(button.get("label").asText()).isEqualTo("Als Feedback melden");
        assertThat(button.get("onClickAction").get("type").asText()).isEqualTo(ChatKitServer.OUT_OF_SCOPE_ACTION);
        assertThat(button.get("onClickAction").get("handler").asText()).isEqualTo("server");
        assertThat(types.get(types.size() - 1)).isEqualTo("thread.updated");

        JsonNode listed = json(ALICE, "{\"type\":\"items.list\",\"params\":{\"thread_id\":\"" + threadIdOf(events)
                + "\",\"order\":\"asc\"}}");
        assertThat(listed.get("data")).hasSize(3);
        assertThat(listed.get("data").get(2)).isEqualTo(item);
    }

    @Test
    void anAnswerInScopeHasNoCard() {
        List<JsonNode> events = stream(ALICE, ChatKitServerProtocolTest.create("Was steht im Leitfaden?"));

        assertThat(events).noneMatch(e -> e.path("item").path("type").asText().equals("widget"));
    }

    @Test
    void theButtonStoresOneFeedbackEntryAndTheCardSaysThanks() {
        responder.outOfScopeReason = "Wetter";
        List<JsonNode> events = stream(ALICE, ChatKitServerProtocolTest.create("Wie wird das Wetter?"));
        String threadId = threadIdOf(events);
        String cardId = cardIdOf(events);

        List<JsonNode> reply = stream(ALICE, report(threadId, cardId));

        assertThat(Sse.types(reply)).containsExactly("stream_options", "thread.item.updated");
        JsonNode update = reply.get(1);
        assertThat(update.get("item_id").asText()).isEqualTo(cardId);
        assertThat(update.get("update").get("type").asText()).isEqualTo("widget.root.updated");
        JsonNode thanks = update.get("update").get("widget");
        assertThat(thanks.get("type").asText()).isEqualTo("Card");
        assertThat(thanks.toString()).contains("Danke! Ihr Hinweis wurde gespeichert.").doesNotContain("Button");
        List<FeedbackEntry> entries = interview.feedback().newest(10);
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.category()).isEqualTo("out_of_scope");
            assertThat(entry.sessionId()).isEqualTo(threadId);
            assertThat(entry.userQuestion()).isEqualTo("Wie wird das Wetter?");
            assertThat(entry.assistantReply()).isEqualTo("Hallo Welt");
            assertThat(entry.comment()).isEqualTo(StoreHooks.OUT_OF_SCOPE_COMMENT);
            assertThat(entry.ip()).isEqualTo("203.0.113.0");
        });
        ThreadItem stored = store.loadItem(ALICE.userId(), threadId, cardId).orElseThrow();
        assertThat(stored).isInstanceOf(WidgetItem.class);
        JsonNode listed = json(ALICE, "{\"type\":\"items.list\",\"params\":{\"thread_id\":\"" + threadId
                + "\",\"order\":\"asc\"}}");
        assertThat(listed.get("data").get(2).get("widget")).isEqualTo(thanks);

        List<JsonNode> again = stream(ALICE, report(threadId, cardId));

        assertThat(Sse.types(again)).containsExactly("stream_options", "thread.item.updated");
        assertThat(again.get(1).get("update").get("widget")).isEqualTo(thanks);
        assertThat(interview.feedback().newest(10)).as("a second click stores nothing more").hasSize(1);
    }

    @Test
    void theReportCountsTheAnswersOfItsOwnTurnOnly() {
        String threadId = threadIdOf(stream(ALICE, ChatKitServerProtocolTest.create("Was steht im Leitfaden?")));
        responder.outOfScopeReason = "Wetter";
        List<JsonNode> second = stream(ALICE, ChatKitServerProtocolTest.addMessage(threadId, "Und das Wetter?"));

        stream(ALICE, report(threadId, cardIdOf(second)));

        assertThat(interview.feedback().newest(10)).singleElement().satisfies(entry -> {
            assertThat(entry.userQuestion()).isEqualTo("Und das Wetter?");
            assertThat(entry.assistantReply()).isEqualTo("Hallo Welt");
        });
    }

    @Test
    void badActionsAreRefusedBeforeAnythingStreams() {
        responder.outOfScopeReason = "Wetter";
        List<JsonNode> events = stream(ALICE, ChatKitServerProtocolTest.create("Wie wird das Wetter?"));
        String threadId = threadIdOf(events);
        String cardId = cardIdOf(events);
        String answerId = events.stream().filter(e -> e.path("item").path("type").asText().equals("assistant_message"))
                .reduce((a, b) -> b).orElseThrow().get("item").get("id").asText();

        assertRefused(BOB, report(threadId, cardId), 404, "not_found", "thread not found: " + threadId);
        String bobsThread = threadIdOf(stream(BOB, ChatKitServerProtocolTest.create("Hallo")));
        assertRefused(BOB, report(bobsThread, cardId), 404, "not_found", "item not found: " + cardId);
        assertRefused(ALICE, "{\"type\":\"threads.custom_action\",\"params\":{\"thread_id\":\"" + threadId
                + "\",\"action\":{\"type\":\"" + ChatKitServer.OUT_OF_SCOPE_ACTION + "\"}}}",
                400, "validation_failed", "params.item_id is required for out_of_scope.report");
        assertThat(Sse.types(stream(ALICE, report(threadId, answerId))))
                .as("a sender that is not a widget: only chatkit-python's error event").containsExactly("error");
        assertRefused(ALICE, "{\"type\":\"threads.custom_action\",\"params\":{\"thread_id\":\"" + threadId
                + "\",\"action\":\"x\"}}", 400, "validation_failed", "params.action must be an object with a type");
        assertThat(interview.feedback().newest(10)).isEmpty();
    }

    @Test
    void withoutAFeedbackListenerThereIsNoCardAndNoSuchAction() {
        ChatKitServer plain = ChatKitServer.builder().store(store).responder(responder).build();
        responder.outOfScopeReason = "Wetter";

        List<JsonNode> events = streamWith(plain, ALICE, ChatKitServerProtocolTest.create("Wie wird das Wetter?"));

        assertThat(Sse.types(events)).contains("client_effect");
        assertThat(events).noneMatch(e -> e.path("item").path("type").asText().equals("widget"));
        // a card from a server that had a listener: for this one its action is a type nobody handles
        List<JsonNode> withCard = stream(ALICE, ChatKitServerProtocolTest.create("Wie wird das Wetter?"));
        List<JsonNode> answer = streamWith(plain, ALICE, report(threadIdOf(withCard), cardIdOf(withCard)));
        assertThat(Sse.types(answer)).containsExactly("stream_options", "error");
        assertThat(answer.get(1).get("allow_retry").asBoolean()).isTrue();
        assertThat(interview.feedback().newest(10)).isEmpty();
    }

    // ---- helpers ----

    private static String report(String threadId, String itemId) {
        return "{\"type\":\"threads.custom_action\",\"params\":{\"thread_id\":\"" + threadId + "\",\"item_id\":\""
                + itemId + "\",\"action\":{\"type\":\"" + ChatKitServer.OUT_OF_SCOPE_ACTION + "\",\"payload\":null}}}";
    }

    private void assertRefused(RequestContext who, String request, int status, String code, String message) {
        assertThatThrownBy(() -> server.process(bytes(request), who)).isInstanceOf(ChatKitException.class)
                .hasMessage(message)
                .satisfies(e -> {
                    assertThat(((ChatKitException) e).httpStatus()).isEqualTo(status);
                    assertThat(((ChatKitException) e).code()).isEqualTo(code);
                });
    }

    private static String threadIdOf(List<JsonNode> events) {
        return events.stream().filter(e -> e.has("item")).findFirst().orElseThrow().get("item").get("thread_id").asText();
    }

    private static String cardIdOf(List<JsonNode> events) {
        return events.stream().filter(e -> e.path("item").path("type").asText().equals("widget")).findFirst()
                .orElseThrow().get("item").get("id").asText();
    }

    private static JsonNode findByType(JsonNode node, String type) {
        if (type.equals(node.path("type").asText())) {
            return node;
        }
        for (JsonNode child : node.path("children")) {
            JsonNode found = findByType(child, type);
            if (found != null) {
                return found;
            }
        }
        return null;
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

package com.landki.interview.chatkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.classify.MarkerClassifier;
import com.landki.interview.store.ChatEvent;
import com.landki.interview.store.FeedbackEntry;
import com.landki.interview.store.InterviewStore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The hooks write thumbs and out-of-scope answers into the interview stores. */
class StoreHooksTest {

    private static final RequestContext ALICE = new RequestContext("user-alice", Map.of(RequestContext.IP, "203.0.113.0"));

    private final InterviewStore interview = InterviewStore.inMemory();
    private final ThreadStore threads = ThreadStore.inMemory();
    private final ScriptedResponder responder = new ScriptedResponder();

    @AfterEach
    void close() {
        interview.close();
    }

    private ChatKitServer server(AnswerClassifier classifier) {
        return ChatKitServer.builder().store(threads).responder(responder)
                .feedbackListener(StoreHooks.feedbackTo(interview.feedback()))
                .outOfScopeListener(StoreHooks.classifiedTo(interview.chatLog()))
                .answerClassifier(classifier).build();
    }

    private String createThread(ChatKitServer server, String question) {
        ChatKitResult result = server.process(ChatKitServerProtocolTest.create(question).getBytes(StandardCharsets.UTF_8), ALICE);
        result.writeTo(new ByteArrayOutputStream());
        return threads.listThreads(ALICE.userId(), 1, null, ThreadStore.DESC).data().get(0).id();
    }

    @Test
    void thumbsDownBecomesAFeedbackEntryWithQuestionAndAnswer() {
        ChatKitServer server = server(null);
        String threadId = createThread(server, "Was ist X?");
        String answerId = threads.listItems(ALICE.userId(), threadId, 1, null, ThreadStore.DESC).data().get(0).id();

        server.process(("{\"type\":\"items.feedback\",\"params\":{\"thread_id\":\"" + threadId + "\",\"item_ids\":[\""
                + answerId + "\"],\"kind\":\"negative\"}}").getBytes(StandardCharsets.UTF_8), ALICE);

        List<FeedbackEntry> entries = interview.feedback().newest(10);
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo("public");
            assertThat(entry.sessionId()).isEqualTo(threadId);
            assertThat(entry.category()).isEqualTo("thumbs_down");
            assertThat(entry.userQuestion()).isEqualTo("Was ist X?");
            assertThat(entry.assistantReply()).isEqualTo("Hallo Welt");
            assertThat(entry.ip()).isEqualTo("203.0.113.0");
            assertThat(entry.id()).startsWith("fb_");
        });
    }

    @Test
    void aStructuredOutOfScopeAnswerIsLoggedAsResponseClassified() {
        responder.outOfScopeReason = "Wetter";
        String threadId = createThread(server(null), "Wie wird das Wetter?");

        List<ChatEvent> events = interview.chatLog().newest(10);
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("response.classified");
            assertThat(event.threadId()).isEqualTo(threadId);
            assertThat(event.sessionId()).isEqualTo(threadId);
            assertThat(event.outOfScope()).isTrue();
            assertThat(event.source()).isEqualTo("structured");
            assertThat(event.marker()).isNull();
            assertThat(event.question()).isEqualTo("Wie wird das Wetter?");
            assertThat(event.answer()).isEqualTo("Hallo Welt");
            assertThat(event.userHash()).hasSize(16).isNotEqualTo("user-alice");
            assertThat(event.ip()).isEqualTo("203.0.113.0");
        });
    }

    @Test
    void aMarkerPhraseInTheAnswerIsLoggedWithTheMarker() {
        createThread(server(StoreHooks.markers(MarkerClassifier.of(List.of("hallo welt")))), "Frage");

        assertThat(interview.chatLog().newest(10)).singleElement().satisfies(event -> {
            assertThat(event.source()).isEqualTo("marker");
            assertThat(event.marker()).isEqualTo("hallo welt");
        });
    }
}

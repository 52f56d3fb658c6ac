package com.landki.interview.chatkit.server.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.landki.interview.chatkit.server.AnswerClassifier;
import com.landki.interview.chatkit.server.AnswerListener;
import com.landki.interview.chatkit.server.ChatKitResult;
import com.landki.interview.chatkit.server.ChatKitServer;
import com.landki.interview.chatkit.server.ChatKitServerProtocolTest;
import com.landki.interview.chatkit.server.ScriptedResponder;
import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.chatkit.server.types.RequestContext;
import com.landki.interview.classify.MarkerClassifier;
import com.landki.interview.store.ChatEvent;
import com.landki.interview.store.FeedbackEntry;
import com.landki.interview.store.InterviewStore;
import com.landki.interview.store.StoreStats;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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

    private static final byte[] KEY = "0123456789abcdef-test-key".getBytes(StandardCharsets.UTF_8);

    private ChatKitServer server(AnswerClassifier classifier) {
        return server(classifier, StoreHooks.classifiedTo(interview.chatLog(), StoreHooks.keyedUserHash(KEY)));
    }

    private ChatKitServer server(AnswerClassifier classifier, AnswerListener classified) {
        return ChatKitServer.builder().store(threads).responder(responder)
                .feedbackListener(StoreHooks.feedbackTo(interview.feedback()))
                .answerListener(classified)
                .answerClassifier(classifier).build();
    }

    private String createThread(ChatKitServer server, String question) {
        return createThread(server, question, ALICE);
    }

    private String createThread(ChatKitServer server, String question, RequestContext context) {
        ChatKitResult result = server.process(ChatKitServerProtocolTest.create(question).getBytes(StandardCharsets.UTF_8), context);
        result.writeTo(new ByteArrayOutputStream());
        return threads.listThreads(context.userId(), 1, null, ThreadStore.DESC).data().get(0).id();
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

        assertThat(classified()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("response.classified");
            assertThat(event.threadId()).isEqualTo(threadId);
            assertThat(event.sessionId()).isEqualTo(threadId);
            assertThat(event.outOfScope()).isTrue();
            assertThat(event.source()).isEqualTo("structured");
            assertThat(event.marker()).isNull();
            assertThat(event.question()).isEqualTo("Wie wird das Wetter?");
            assertThat(event.answer()).isEqualTo("Hallo Welt");
            assertThat(event.userHash()).isEqualTo(StoreHooks.keyedUserHash(KEY).apply("user-alice"));
            assertThat(event.ip()).isEqualTo("203.0.113.0");
        });
    }

    @Test
    void anInScopeAnswerIsLoggedTooAndANewThreadOnceSoTheRateIsARate() {
        ChatKitServer server = server(null);
        String inScope = createThread(server, "Worum geht es?");
        responder.outOfScopeReason = "Wetter";
        createThread(server, "Wie wird das Wetter?");

        List<ChatEvent> events = interview.chatLog().newest(10);
        assertThat(events).filteredOn(e -> e.type().equals(ChatEvent.THREAD_CREATED)).hasSize(2)
                .anySatisfy(e -> {
                    assertThat(e.sessionId()).isEqualTo(inScope);
                    assertThat(e.threadId()).isEqualTo(inScope);
                    assertThat(e.userHash()).isEqualTo(StoreHooks.keyedUserHash(KEY).apply("user-alice"));
                    assertThat(e.ip()).isEqualTo("203.0.113.0");
                });
        assertThat(classified()).anySatisfy(e -> {
            assertThat(e.threadId()).isEqualTo(inScope);
            assertThat(e.outOfScope()).isFalse();
            assertThat(e.source()).isEqualTo("none");
            assertThat(e.marker()).isNull();
        });
        StoreStats stats = interview.stats();
        assertThat(stats.conversations()).isEqualTo(2);
        assertThat(stats.classified()).isEqualTo(2);
        assertThat(stats.outOfScope()).isEqualTo(1);
        assertThat(stats.outOfScopeRate()).isEqualTo(0.5);
    }

    @Test
    void aMarkerPhraseInTheAnswerIsLoggedWithTheMarker() {
        createThread(server(StoreHooks.markers(MarkerClassifier.of(List.of("hallo welt")))), "Frage");

        assertThat(classified()).singleElement().satisfies(event -> {
            assertThat(event.source()).isEqualTo("marker");
            assertThat(event.marker()).isEqualTo("hallo welt");
        });
    }

    @Test
    void theGivenHasherMakesTheUserHash() {
        responder.outOfScopeReason = "Wetter";
        Function<String, String> hasher = userId -> "h:" + userId.length();
        createThread(server(null, StoreHooks.classifiedTo(interview.chatLog(), hasher)), "Wetter?");

        assertThat(classified()).singleElement()
                .satisfies(event -> assertThat(event.userHash()).isEqualTo("h:10"));
    }

    @Test
    void theContextsUserHashWinsOverTheHasher() {
        responder.outOfScopeReason = "Wetter";
        RequestContext hashed = new RequestContext("user-alice", Map.of(RequestContext.USER_HASH, "uh_from_the_api"));
        createThread(server(null, StoreHooks.classifiedTo(interview.chatLog(), userId -> "h:other")), "Wetter?", hashed);

        assertThat(classified()).singleElement()
                .satisfies(event -> assertThat(event.userHash()).isEqualTo("uh_from_the_api"));
    }

    @Test
    void withoutHasherOrContextHashNoUserHashIsWritten() {
        responder.outOfScopeReason = "Wetter";
        createThread(server(null, StoreHooks.classifiedTo(interview.chatLog())), "Wetter?");

        assertThat(classified()).singleElement()
                .satisfies(event -> assertThat(event.userHash()).isNull());
    }

    @Test
    void theKeyedHashIsStablePerKeyAndNotThePlainDigest() throws Exception {
        Function<String, String> hash = StoreHooks.keyedUserHash(KEY);
        String plain = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("user-alice".getBytes(StandardCharsets.UTF_8)));

        assertThat(hash.apply("user-alice")).startsWith("uh_").hasSize(19)
                .isEqualTo(StoreHooks.keyedUserHash(KEY.clone()).apply("user-alice"))
                .isNotEqualTo(hash.apply("user-bob"))
                .isNotEqualTo(StoreHooks.keyedUserHash("another-key-of-16-bytes".getBytes(StandardCharsets.UTF_8))
                        .apply("user-alice"));
        assertThat(plain).doesNotContain(hash.apply("user-alice").substring(3));
        assertThatThrownBy(() -> StoreHooks.keyedUserHash(new byte[15])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16 bytes");
    }

    private List<ChatEvent> classified() {
        return interview.chatLog().newest(10).stream()
                .filter(e -> e.type().equals(ChatEvent.RESPONSE_CLASSIFIED)).toList();
    }
}

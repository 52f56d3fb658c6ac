package com.landki.interview.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ThreadClassifierTest {

    /** Threads in memory; records which threads had their items read. */
    static final class FakeReader implements ThreadReader {
        final Map<String, String> owners = new HashMap<>();
        final Map<String, List<ChatItem>> items = new HashMap<>();
        final List<String> itemReads = new ArrayList<>();
        final List<Integer> limits = new ArrayList<>();

        FakeReader thread(String id, String owner, ChatItem... threadItems) {
            owners.put(id, owner);
            items.put(id, List.of(threadItems));
            return this;
        }

        @Override
        public CompletableFuture<Optional<String>> ownerAsync(String threadId) {
            return CompletableFuture.completedFuture(Optional.ofNullable(owners.get(threadId)));
        }

        @Override
        public CompletableFuture<List<ChatItem>> newestItemsAsync(String threadId, int limit) {
            itemReads.add(threadId);
            limits.add(limit);
            List<ChatItem> all = items.getOrDefault(threadId, List.of());
            return CompletableFuture.completedFuture(all.subList(Math.max(0, all.size() - limit), all.size()));
        }
    }

    private final FakeReader reader = new FakeReader();
    private final ThreadClassifier threads = ThreadClassifier.builder().reader(reader).build();

    @Test
    void classifiesTheLastTurnAndReturnsItsText() {
        reader.thread("cthr_1", "user-a",
                ChatItem.userMessage("Wie lange dauert das Interview?"),
                ChatItem.assistantMessage("Etwa 45 Minuten."),
                ChatItem.userMessage("Was verdient man bei euch?"),
                ChatItem.assistantMessage("Dazu liegen mir leider keine Informationen vor."));

        ThreadClassification result = threads.classify("cthr_1", "user-a");

        assertThat(result).isEqualTo(new ThreadClassification("cthr_1", "Was verdient man bei euch?",
                "Dazu liegen mir leider keine Informationen vor.",
                MarkerClassifier.ofDefaults().classifyText("Dazu liegen mir leider keine Informationen vor."), null));
        assertThat(result.decision().outOfScope()).isTrue();
    }

    @Test
    void inScopeAnswerGivesNone() {
        reader.thread("cthr_1", "user-a",
                ChatItem.userMessage("How long is the interview?"),
                ChatItem.assistantMessage("About 45 minutes; you will get more information about consent by email."));

        assertThat(threads.classify("cthr_1", "user-a").decision()).isEqualTo(ScopeDecision.none());
    }

    @Test
    void refusesAThreadOfAnotherUserWithoutReadingItsItems() {
        reader.thread("cthr_1", "user-a", ChatItem.userMessage("geheim"), ChatItem.assistantMessage("geheim"));

        assertThatThrownBy(() -> threads.classify("cthr_1", "user-b"))
                .isInstanceOf(ThreadNotOwnedException.class)
                .hasMessage("thread cthr_1 not found for this user")
                .hasMessageNotContaining("user-a");
        assertThat(reader.itemReads).isEmpty();
    }

    @Test
    void unknownThreadIsRefusedLikeAForeignOne() {
        assertThatThrownBy(() -> threads.classify("cthr_missing", "user-a"))
                .isInstanceOf(ThreadNotOwnedException.class)
                .extracting(e -> ((ThreadNotOwnedException) e).threadId()).isEqualTo("cthr_missing");
    }

    @Test
    void asyncFormCompletesExceptionallyForForeignThread() {
        reader.thread("cthr_1", "user-a");

        CompletableFuture<ThreadClassification> future = threads.classifyAsync("cthr_1", "user-b");

        assertThat(future).isCompletedExceptionally();
        assertThatThrownBy(future::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(ThreadNotOwnedException.class);
    }

    @Test
    void structuredToolCallWinsAndItsReasonIsReturned() {
        reader.thread("cthr_1", "user-a",
                ChatItem.userMessage("Kannst du mir ein Gedicht schreiben?"),
                ChatItem.assistantMessage("Gern geschehen, hier sind Informationen zum Interview."),
                ChatItem.clientToolCall("report_out_of_scope", "{\"out_of_scope\":true,\"reason\":\"creative writing\"}"));

        ThreadClassification result = threads.classify("cthr_1", "user-a");

        assertThat(result.decision()).isEqualTo(ScopeDecision.structured(true, "report_out_of_scope"));
        assertThat(result.reason()).isEqualTo("creative writing");
        assertThat(result.question()).isEqualTo("Kannst du mir ein Gedicht schreiben?");
    }

    @Test
    void threadWithOnlyToolCallsIsClassifiedByTheToolCall() {
        reader.thread("cthr_1", "user-a",
                ChatItem.userMessage("Wer gewinnt die Bundesliga?"),
                ChatItem.clientToolCall("report_out_of_scope", "{\"out_of_scope\":true}"));

        ThreadClassification result = threads.classify("cthr_1", "user-a");

        assertThat(result.answer()).isNull();
        assertThat(result.question()).isEqualTo("Wer gewinnt die Bundesliga?");
        assertThat(result.decision().outOfScope()).isTrue();
    }

    @Test
    void threadWithOnlyWidgetsIsInScopeWithoutAnswer() {
        reader.thread("cthr_1", "user-a", ChatItem.of(ChatItem.WIDGET), ChatItem.of(ChatItem.TASK_GROUP));

        ThreadClassification result = threads.classify("cthr_1", "user-a");

        assertThat(result).isEqualTo(new ThreadClassification("cthr_1", null, null, ScopeDecision.none(), null));
    }

    @Test
    void emptyThreadIsInScopeWithoutText() {
        reader.thread("cthr_1", "user-a");

        assertThat(threads.classify("cthr_1", "user-a"))
                .isEqualTo(new ThreadClassification("cthr_1", null, null, ScopeDecision.none(), null));
    }

    @Test
    void readsTheConfiguredNumberOfNewestItems() {
        reader.thread("cthr_1", "user-a");
        ThreadClassifier small = ThreadClassifier.builder().reader(reader).itemLimit(5).build();

        small.classify("cthr_1", "user-a");
        threads.classify("cthr_1", "user-a");

        assertThat(reader.limits).containsExactly(5, ThreadClassifier.DEFAULT_ITEM_LIMIT);
    }

    @Test
    void usesTheConfiguredClassifier() {
        reader.thread("cthr_1", "user-a", ChatItem.userMessage("Q"), ChatItem.assistantMessage("not our department"));
        ThreadClassifier custom = ThreadClassifier.builder().reader(reader)
                .classifier(MarkerClassifier.of(List.of("not our department"))).build();

        assertThat(custom.classify("cthr_1", "user-a").decision()).isEqualTo(ScopeDecision.marker("not our department"));
    }

    @Test
    void readerFailurePassesThroughUnwrapped() {
        ThreadReader failing = new ThreadReader() {
            @Override
            public CompletableFuture<Optional<String>> ownerAsync(String threadId) {
                return CompletableFuture.failedFuture(new IllegalStateException("upstream 503"));
            }

            @Override
            public CompletableFuture<List<ChatItem>> newestItemsAsync(String threadId, int limit) {
                throw new AssertionError("not reached");
            }
        };

        assertThatThrownBy(() -> ThreadClassifier.builder().reader(failing).build().classify("cthr_1", "u"))
                .isInstanceOf(IllegalStateException.class).hasMessage("upstream 503");
    }

    @Test
    void validatesArgumentsAndSettings() {
        assertThatThrownBy(() -> threads.classifyAsync(" ", "user-a"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threadId");
        assertThatThrownBy(() -> threads.classifyAsync("cthr_1", null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("userId");
        assertThatThrownBy(() -> ThreadClassifier.builder().itemLimit(101))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("itemLimit");
        assertThatThrownBy(() -> ThreadClassifier.builder().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("reader");
    }
}

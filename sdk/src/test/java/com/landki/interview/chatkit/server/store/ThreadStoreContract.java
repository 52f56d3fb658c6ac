package com.landki.interview.chatkit.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.landki.interview.chatkit.server.types.Annotation;
import com.landki.interview.chatkit.server.types.AssistantContent;
import com.landki.interview.chatkit.server.types.AssistantMessageItem;
import com.landki.interview.chatkit.server.types.ChatKitException;
import com.landki.interview.chatkit.server.types.InferenceOptions;
import com.landki.interview.chatkit.server.types.StructuredInputItem;
import com.landki.interview.chatkit.server.types.ThreadItem;
import com.landki.interview.chatkit.server.types.ThreadMetadata;
import com.landki.interview.chatkit.server.types.UserContent;
import com.landki.interview.chatkit.server.types.UserMessageItem;
import com.landki.interview.chatkit.server.types.WidgetItem;
import com.landki.interview.chatkit.server.widgets.ActionConfig;
import com.landki.interview.chatkit.server.widgets.Badge;
import com.landki.interview.chatkit.server.widgets.Button;
import com.landki.interview.chatkit.server.widgets.Card;
import com.landki.interview.chatkit.server.widgets.Row;
import com.landki.interview.chatkit.server.widgets.Text;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link ThreadStore} does; run for the in-memory, the JSONL and the PostgreSQL store. */
abstract class ThreadStoreContract {

    static final Instant T0 = Instant.parse("2026-11-26T03:00:00Z");

    abstract ThreadStore store();

    /** The same data as {@code store} holds, read afresh where the store can be reopened (JSONL); else itself. */
    ThreadStore reopened(ThreadStore store) {
        return store;
    }

    static ThreadMetadata thread(String id, int second) {
        return ThreadMetadata.of(id, T0.plusSeconds(second));
    }

    static UserMessageItem question(String id, String threadId, String text) {
        return new UserMessageItem(id, threadId, T0, List.of(UserContent.text(text)), List.of(), null, InferenceOptions.none());
    }

    static AssistantMessageItem answer(String id, String threadId, String text) {
        return new AssistantMessageItem(id, threadId, T0, List.of(AssistantContent.of(text,
                List.of(Annotation.of(Annotation.Source.file("leitfaden.pdf"), 2)))));
    }

    @Test
    void keepsThreadsAndItemsPerUser() {
        ThreadStore store = store();
        store.saveThread("alice", thread("thr_a", 1));
        store.saveItem("alice", "thr_a", question("msg_1", "thr_a", "Frage"));
        store.saveItem("alice", "thr_a", answer("msg_2", "thr_a", "Antwort"));

        assertThat(store.loadThread("alice", "thr_a")).isPresent();
        assertThat(store.loadThread("bob", "thr_a")).isEmpty();
        assertThat(store.listItems("alice", "thr_a", 10, null, ThreadStore.ASC).data()).extracting(ThreadItem::id)
                .containsExactly("msg_1", "msg_2");
        assertThat(store.listItems("bob", "thr_a", 10, null, ThreadStore.ASC).data()).isEmpty();
        assertThat(store.loadItem("bob", "thr_a", "msg_1")).isEmpty();
        assertThat(store.deleteItem("bob", "thr_a", "msg_1")).isFalse();
        assertThat(store.deleteThread("bob", "thr_a")).isFalse();
        assertThatThrownBy(() -> store.saveItem("bob", "thr_a", question("msg_3", "thr_a", "x")))
                .isInstanceOf(ChatKitException.class);
        assertThatThrownBy(() -> store.saveThread("bob", thread("thr_a", 1).withTitle("gekapert")))
                .isInstanceOf(ChatKitException.class);
        assertThat(store.loadThread("alice", "thr_a").orElseThrow().title()).isNull();
    }

    @Test
    void keepsImageDomainsAndMetadataOfAThread() {
        ThreadStore store = store();
        ThreadMetadata thread = thread("thr_a", 1).withTitle("Titel")
                .withAllowedImageDomains(List.of("cdn.example.org", "img.example.org"))
                .withMetadata(java.util.Map.of("source", "intranet", "rank", 3));
        store.saveThread("alice", thread);
        store.saveThread("alice", thread("thr_b", 2));

        ThreadStore again = reopened(store);

        ThreadMetadata back = again.loadThread("alice", "thr_a").orElseThrow();
        assertThat(back.allowedImageDomains()).containsExactly("cdn.example.org", "img.example.org");
        assertThat(back.metadata()).containsEntry("source", "intranet").containsEntry("rank", 3);
        assertThat(again.loadThread("alice", "thr_b").orElseThrow().allowedImageDomains()).isNull();
        assertThat(again.listThreads("alice", 10, null, ThreadStore.ASC).data().get(0)).isEqualTo(back);
    }

    @Test
    void replacesAnItemInPlace() {
        ThreadStore store = store();
        store.saveThread("alice", thread("thr_a", 1));
        store.saveItem("alice", "thr_a", question("msg_1", "thr_a", "Frage"));
        store.saveItem("alice", "thr_a", answer("msg_2", "thr_a", "alt"));
        store.saveItem("alice", "thr_a", answer("msg_2", "thr_a", "neu"));
        store.saveItem("alice", "thr_a", question("msg_3", "thr_a", "noch eine"));

        List<ThreadItem> items = store.listItems("alice", "thr_a", 10, null, ThreadStore.ASC).data();
        assertThat(items).extracting(ThreadItem::id).containsExactly("msg_1", "msg_2", "msg_3");
        assertThat(((AssistantMessageItem) items.get(1)).text()).isEqualTo("neu");
    }

    @Test
    void keepsWidgetItemsAndTheirNewStateAsWidgets() {
        ThreadStore store = store();
        store.saveThread("alice", thread("thr_a", 1));
        store.saveItem("alice", "thr_a", question("msg_1", "thr_a", "Frage"));
        WidgetItem card = new WidgetItem("wgt_1", "thr_a", T0, Card.builder().key("offer").size("md")
                .child(Text.builder("Außerhalb der Dokumente").weight("semibold").build())
                .child(Row.builder().gap(2).justify("end").child(Button.builder("Melden")
                        .onClickAction(ActionConfig.of("out_of_scope.report", null)).build()).build())
                .build(), "Außerhalb der Dokumente");
        store.saveItem("alice", "thr_a", card);
        WidgetItem thanked = card.withWidget(Card.of(Badge.builder("Gemeldet").color("success").build()));
        store.saveItem("alice", "thr_a", question("msg_2", "thr_a", "danach"));
        store.saveItem("alice", "thr_a", thanked);

        ThreadStore again = reopened(store);

        List<ThreadItem> items = again.listItems("alice", "thr_a", 10, null, ThreadStore.ASC).data();
        assertThat(items).extracting(ThreadItem::id).containsExactly("msg_1", "wgt_1", "msg_2");
        assertThat(items.get(1)).isInstanceOf(WidgetItem.class).isEqualTo(thanked);
        assertThat(again.loadItem("alice", "thr_a", "wgt_1")).contains(thanked);
        assertThat(again.loadItem("bob", "thr_a", "wgt_1")).isEmpty();
    }

    @Test
    void keepsStructuredInputsAndTheirAnswers() {
        ThreadStore store = store();
        store.saveThread("alice", thread("thr_a", 1));
        StructuredInputItem asked = new StructuredInputItem("si_1", "thr_a", T0, null, List.of(
                StructuredInputItem.Input.multipleChoice("subject", "Welches Fach?", List.of("Mathe", "Physik"), false),
                StructuredInputItem.Input.freeform("details", "Noch etwas?", "optional")));
        store.saveItem("alice", "thr_a", asked);
        StructuredInputItem answered = asked.answered(StructuredInputItem.ANSWERED, List.of(
                asked.inputs().get(0).withAnswer(new StructuredInputItem.Answer(List.of("Physik"), false)),
                asked.inputs().get(1).withAnswer(StructuredInputItem.Answer.skip())));
        store.saveItem("alice", "thr_a", answered);

        ThreadStore again = reopened(store);

        assertThat(again.loadItem("alice", "thr_a", "si_1")).contains(answered);
        assertThat(again.listItems("alice", "thr_a", 10, null, ThreadStore.ASC).data()).containsExactly(answered);
    }

    @Test
    void theLargestLimitMeansEverything() {
        ThreadStore store = store();
        store.saveThread("alice", thread("thr_a", 1));
        store.saveItem("alice", "thr_a", question("msg_1", "thr_a", "Frage"));
        store.saveItem("alice", "thr_a", answer("msg_2", "thr_a", "Antwort"));

        // retry_after_item and the out-of-scope report read a whole thread so (PostgreSQL: limit + 1 overflowed)
        assertThat(store.listItems("alice", "thr_a", Integer.MAX_VALUE, null, ThreadStore.ASC).data())
                .extracting(ThreadItem::id).containsExactly("msg_1", "msg_2");
        assertThat(store.listItems("alice", "thr_a", Integer.MAX_VALUE, null, ThreadStore.DESC).hasMore()).isFalse();
        assertThat(store.listThreads("alice", Integer.MAX_VALUE, null, ThreadStore.DESC).data()).hasSize(1);
    }

    @Test
    void pagesThreadsAndItemsWithACursor() {
        ThreadStore store = store();
        for (int i = 1; i <= 5; i++) {
            store.saveThread("alice", thread("thr_" + i, i));
            store.saveItem("alice", "thr_1", question("msg_" + i, "thr_1", "q" + i));
        }

        var first = store.listThreads("alice", 2, null, ThreadStore.DESC);
        assertThat(first.data()).extracting(ThreadMetadata::id).containsExactly("thr_5", "thr_4");
        assertThat(first.hasMore()).isTrue();
        var rest = store.listThreads("alice", 10, first.after(), ThreadStore.DESC);
        assertThat(rest.data()).extracting(ThreadMetadata::id).containsExactly("thr_3", "thr_2", "thr_1");
        assertThat(rest.hasMore()).isFalse();
        assertThat(rest.after()).isNull();

        var items = store.listItems("alice", "thr_1", 2, "msg_2", ThreadStore.ASC);
        assertThat(items.data()).extracting(ThreadItem::id).containsExactly("msg_3", "msg_4");
        assertThat(items.hasMore()).isTrue();
        assertThat(store.listItems("alice", "thr_1", 2, null, ThreadStore.DESC).data()).extracting(ThreadItem::id)
                .containsExactly("msg_5", "msg_4");
    }

    @Test
    void deletesItemsAndThreads() {
        ThreadStore store = store();
        store.saveThread("alice", thread("thr_a", 1));
        store.saveItem("alice", "thr_a", question("msg_1", "thr_a", "Frage"));
        store.saveItem("alice", "thr_a", answer("msg_2", "thr_a", "Antwort"));

        assertThat(store.deleteItem("alice", "thr_a", "msg_2")).isTrue();
        assertThat(store.deleteItem("alice", "thr_a", "msg_2")).isFalse();
        assertThat(store.listItems("alice", "thr_a", 10, null, ThreadStore.ASC).data()).hasSize(1);
        assertThat(store.deleteThread("alice", "thr_a")).isTrue();
        assertThat(store.loadThread("alice", "thr_a")).isEmpty();
        assertThat(store.listThreads("alice", 10, null, ThreadStore.DESC).data()).isEmpty();
        assertThat(store.deleteThread("alice", "thr_a")).isFalse();
    }

    @Test
    void operatorsEraseAThreadWhoeverOwnsIt() {
        ThreadStore store = store();
        store.saveThread("alice", thread("thr_a", 1));
        store.saveItem("alice", "thr_a", question("msg_1", "thr_a", "Frage"));
        store.saveThread("bob", thread("thr_b", 2));

        assertThat(store.eraseThread("thr_a")).isTrue();
        assertThat(store.eraseThread("thr_a")).isFalse();
        assertThat(store.loadThread("alice", "thr_a")).isEmpty();
        assertThat(store.loadItem("alice", "thr_a", "msg_1")).isEmpty();
        assertThat(store.loadThread("bob", "thr_b")).isPresent();
    }

    @Test
    void retentionErasesThreadsCreatedBeforeTheCutoff() {
        ThreadStore store = store();
        store.saveThread("alice", thread("thr_old", 1));
        store.saveItem("alice", "thr_old", question("msg_1", "thr_old", "alt"));
        store.saveThread("bob", thread("thr_old_b", 2));
        store.saveThread("alice", thread("thr_new", 10));

        assertThat(store.threadIdsCreatedBefore(T0.plusSeconds(5))).containsExactlyInAnyOrder("thr_old", "thr_old_b");
        assertThat(store.eraseThreadsCreatedBefore(T0.plusSeconds(5))).isEqualTo(2);
        assertThat(store.threadIdsCreatedBefore(T0.plusSeconds(5))).isEmpty();
        assertThat(store.listThreads("alice", 10, null, ThreadStore.DESC).data()).extracting(ThreadMetadata::id)
                .containsExactly("thr_new");
        assertThat(store.listThreads("bob", 10, null, ThreadStore.DESC).data()).isEmpty();
        assertThat(store.eraseThreadsCreatedBefore(T0.plusSeconds(5))).isZero();
    }
}

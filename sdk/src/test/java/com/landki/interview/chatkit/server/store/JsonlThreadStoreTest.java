package com.landki.interview.chatkit.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.landki.interview.chatkit.server.types.AssistantMessageItem;
import com.landki.interview.chatkit.server.types.ThreadItem;
import com.landki.interview.chatkit.server.types.UserMessageItem;
import com.landki.interview.store.Durability;
import com.landki.interview.store.StoreLockedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The contract on the JSONL store, plus what only a durable store does. */
@Timeout(30)
class JsonlThreadStoreTest extends ThreadStoreContract {

    @TempDir
    Path dir;

    private final List<JsonlThreadStore> open = new ArrayList<>();

    @Override
    ThreadStore store() {
        return reopen();
    }

    @Override
    ThreadStore reopened(ThreadStore store) {
        return reopen();
    }

    private JsonlThreadStore reopen() {
        open.forEach(JsonlThreadStore::close);
        open.clear();
        JsonlThreadStore store = JsonlThreadStore.open(dir, Durability.FLUSH);
        open.add(store);
        return store;
    }

    @AfterEach
    void closeAll() {
        open.forEach(JsonlThreadStore::close);
    }

    @Test
    void everythingSurvivesAReopen() {
        JsonlThreadStore store = reopen();
        store.saveThread("alice", thread("thr_a", 1));
        store.saveThread("alice", thread("thr_a", 1).withTitle("Titel"));
        store.saveItem("alice", "thr_a", question("msg_1", "thr_a", "Frage"));
        store.saveItem("alice", "thr_a", answer("msg_2", "thr_a", "Antwort"));
        store.saveItem("alice", "thr_a", question("msg_3", "thr_a", "weg"));
        store.deleteItem("alice", "thr_a", "msg_3");
        store.saveThread("bob", thread("thr_b", 2));

        JsonlThreadStore again = reopen();

        assertThat(again.loadThread("alice", "thr_a").orElseThrow().title()).isEqualTo("Titel");
        assertThat(again.loadThread("alice", "thr_a").orElseThrow().createdAt()).isEqualTo(T0.plusSeconds(1));
        List<ThreadItem> items = again.listItems("alice", "thr_a", 10, null, ThreadStore.ASC).data();
        assertThat(items).extracting(ThreadItem::id).containsExactly("msg_1", "msg_2");
        assertThat(((UserMessageItem) items.get(0)).text()).isEqualTo("Frage");
        AssistantMessageItem answer = (AssistantMessageItem) items.get(1);
        assertThat(answer).isEqualTo(answer("msg_2", "thr_a", "Antwort"));
        assertThat(again.loadThread("alice", "thr_b")).isEmpty();
        assertThat(again.loadThread("bob", "thr_b")).isPresent();
    }

    @Test
    void aDeletedThreadIsErasedFromTheFile() throws IOException {
        JsonlThreadStore store = reopen();
        store.saveThread("alice", thread("thr_a", 1));
        store.saveItem("alice", "thr_a", question("msg_1", "thr_a", "vertrauliche Frage"));
        store.saveThread("alice", thread("thr_keep", 2));

        store.deleteThread("alice", "thr_a");

        String file = Files.readString(store.path(), StandardCharsets.UTF_8);
        assertThat(file).doesNotContain("vertrauliche Frage").doesNotContain("thr_a").contains("thr_keep");
        assertThat(reopen().loadThread("alice", "thr_a")).isEmpty();
    }

    @Test
    void retentionErasesOldThreadsFromTheFileAndAcrossAReopen() throws IOException {
        JsonlThreadStore store = reopen();
        store.saveThread("alice", thread("thr_old", 1));
        store.saveItem("alice", "thr_old", question("msg_1", "thr_old", "alte Frage"));
        store.saveThread("alice", thread("thr_new", 10));

        store.eraseThreadsCreatedBefore(T0.plusSeconds(5));

        assertThat(Files.readString(store.path(), StandardCharsets.UTF_8)).doesNotContain("alte Frage").contains("thr_new");
        assertThat(reopen().listThreads("alice", 10, null, ThreadStore.DESC).data()).hasSize(1);
    }

    @Test
    void aTornLastLineFromACrashIsCutAndLaterWritesWork() throws IOException {
        JsonlThreadStore store = reopen();
        store.saveThread("alice", thread("thr_a", 1));
        store.saveItem("alice", "thr_a", question("msg_1", "thr_a", "Frage"));
        Path file = store.path();
        store.close();
        open.clear();
        Files.writeString(file, "{\"op\":\"item\",\"user\":\"alice\",\"thread_id\":\"thr_a\",\"item\":{\"ty",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        JsonlThreadStore again = reopen();
        again.saveItem("alice", "thr_a", answer("msg_2", "thr_a", "Antwort"));

        assertThat(reopen().listItems("alice", "thr_a", 10, null, ThreadStore.ASC).data()).extracting(ThreadItem::id)
                .containsExactly("msg_1", "msg_2");
    }

    @Test
    void concurrentWritersLoseNothing() throws Exception {
        JsonlThreadStore store = reopen();
        int writers = 8;
        int perWriter = 50;
        for (int w = 0; w < writers; w++) {
            store.saveThread("user" + w, thread("thr_" + w, w));
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        store.saveItem("user" + writer, "thr_" + writer, question("msg_" + writer + "_" + i, "thr_" + writer, "q" + i));
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        JsonlThreadStore again = reopen();
        for (int w = 0; w < writers; w++) {
            List<ThreadItem> items = again.listItems("user" + w, "thr_" + w, 500, null, ThreadStore.ASC).data();
            assertThat(items).hasSize(perWriter);
            assertThat(items.get(perWriter - 1).id()).isEqualTo("msg_" + w + "_" + (perWriter - 1));
        }
    }

    @Test
    void aSecondStoreOnTheSameDirectoryIsRefused() {
        reopen();

        assertThatThrownBy(() -> JsonlThreadStore.open(dir, Durability.FLUSH)).isInstanceOf(StoreLockedException.class);
    }
}

package com.landki.interview.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.landki.interview.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private static byte[] line(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Records every batch; the first call waits until {@link #release} is counted down. */
    private static final class SlowFirstWriter implements GroupCommit.BatchWriter {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
        final List<Integer> bytes = Collections.synchronizedList(new ArrayList<>());
        Consumer<List<String>> onWrite = b -> { };

        @Override
        public void write(List<byte[]> lines, int total) {
            List<String> batch = new ArrayList<>();
            lines.forEach(l -> batch.add(new String(l, StandardCharsets.UTF_8)));
            if (batches.isEmpty()) {
                entered.countDown();
                try {
                    assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            batches.add(batch);
            bytes.add(total);
            onWrite.accept(batch);
        }
    }

    /** Starts one submitter per line while the writer is stuck in the first batch, and waits until all queue. */
    private static List<CompletableFuture<Void>> queueBehindASlowLeader(GroupCommit commits, SlowFirstWriter w,
            String... lines) throws InterruptedException {
        CompletableFuture<Void> leader = CompletableFuture.runAsync(() -> commits.submit(line("first")));
        assertThat(w.entered.await(30, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<Void>> results = new ArrayList<>(List.of(leader));
        for (String l : lines) {
            CompletableFuture<Void> f = new CompletableFuture<>();
            new Thread(() -> {
                try {
                    commits.submit(line(l));
                    f.complete(null);
                } catch (RuntimeException e) {
                    f.completeExceptionally(e);
                }
            }).start();
            results.add(f);
        }
        await().atMost(30, TimeUnit.SECONDS).until(() -> commits.queued() == lines.length);
        return results;
    }

    @Test
    void callersThatQueueWhileALeaderWritesGoOutTogetherInTheNextBatch() throws Exception {
        SlowFirstWriter w = new SlowFirstWriter();
        GroupCommit commits = new GroupCommit(w, "test");

        List<CompletableFuture<Void>> all = queueBehindASlowLeader(commits, w, "a", "bb", "ccc", "dddd");
        w.release.countDown();
        CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).get(30, TimeUnit.SECONDS);

        assertThat(w.batches).hasSize(2);
        assertThat(w.batches.get(0)).containsExactly("first");
        assertThat(w.batches.get(1)).containsExactlyInAnyOrder("a", "bb", "ccc", "dddd");
        assertThat(w.bytes).containsExactly(6, 14);              // each line plus its \n
    }

    @Test
    void everyMemberOfAFailedBatchGetsTheWritersExceptionAndLaterBatchesWork() throws Exception {
        SlowFirstWriter w = new SlowFirstWriter();
        StoreException diskFull = new StoreException("disk full");
        w.onWrite = batch -> {
            if (batch.contains("a")) {
                throw diskFull;
            }
        };
        GroupCommit commits = new GroupCommit(w, "test");

        List<CompletableFuture<Void>> all = queueBehindASlowLeader(commits, w, "a", "b");
        w.release.countDown();

        all.get(0).get(30, TimeUnit.SECONDS);                    // the leader's own batch was written
        for (CompletableFuture<Void> member : all.subList(1, 3)) {
            assertThatThrownBy(() -> member.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isSameAs(diskFull);
        }
        commits.submit(line("later"));
        assertThat(w.batches.get(w.batches.size() - 1)).containsExactly("later");
    }

    @Test
    void anUnexpectedWriterErrorFailsTheBatchAndDoesNotLeaveTheQueueWithoutLeader() {
        List<String> written = new ArrayList<>();
        GroupCommit commits = new GroupCommit((lines, bytes) -> {
            String l = new String(lines.get(0), StandardCharsets.UTF_8);
            if (l.equals("boom")) {
                throw new IllegalStateException("bug in the writer");
            }
            written.add(l);
        }, "feedback.jsonl");

        assertThatThrownBy(() -> commits.submit(line("boom"))).isInstanceOf(IllegalStateException.class);
        commits.submit(line("next"));

        assertThat(written).containsExactly("next");
    }

    @Test
    void concurrentSubmittersAreEachWrittenExactlyOnce() throws Exception {
        List<String> written = Collections.synchronizedList(new ArrayList<>());
        GroupCommit commits = new GroupCommit((lines, bytes) ->
                lines.forEach(l -> written.add(new String(l, StandardCharsets.UTF_8))), "test");
        List<CompletableFuture<Void>> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int id = t;
            threads.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 2_000; i++) {
                    commits.submit(line(id + ":" + i));
                }
            }, r -> new Thread(r).start()));
        }
        CompletableFuture.allOf(threads.toArray(new CompletableFuture[0])).get(60, TimeUnit.SECONDS);

        assertThat(written).hasSize(16_000).doesNotHaveDuplicates();
        for (int t = 0; t < 8; t++) {                            // one caller's lines stay in its order
            String prefix = t + ":";
            List<String> mine = written.stream().filter(s -> s.startsWith(prefix)).toList();
            assertThat(mine).isSortedAccordingTo((x, y) -> Integer.compare(
                    Integer.parseInt(x.substring(prefix.length())), Integer.parseInt(y.substring(prefix.length()))));
        }
    }
}

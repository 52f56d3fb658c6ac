package com.landki.interview.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract of stores whose data outlives the process: JSONL and PostgreSQL. */
abstract class DurableStoreContract extends StoreContract {

    private static final Pattern ID = Pattern.compile("fb_[0-9a-z]{8}[0-9a-f]{16}");

    @TempDir
    Path childLogs;

    /** Arguments for {@link CrashingAppender} that make it write to the store this test reads. */
    protected abstract List<String> childArgs();

    @Test
    void entriesAndStatsSurviveAReopen() {
        FeedbackEntry saved = store.feedback().append(feedback("s1", "q"));
        store.chatLog().append(ChatEvent.builder(ChatEvent.SESSION_CREATED).sessionId("s1").build());
        store.chatLog().append(classified("s1", true));
        store.close();

        store = open();

        assertThat(store.feedback().newest(10)).containsExactly(saved);
        StoreStats stats = store.stats();
        assertThat(stats.feedbackTotal()).isEqualTo(1);
        assertThat(stats.sessionsCreated()).isEqualTo(1);
        assertThat(stats.outOfScope()).isEqualTo(1);
        assertThat(stats.hourly()).hasSize(StoreStats.HOURS);      // rebuilt (JSONL) or queried (PostgreSQL)
        assertThat(stats.hourly().stream().mapToLong(StoreStats.Hour::sessionsCreated).sum()).isEqualTo(1);
        assertThat(stats.hourly().stream().mapToLong(StoreStats.Hour::outOfScope).sum()).isEqualTo(1);
    }

    @Test
    void everyAppendAKilledChildJvmReportedDoneIsStored() throws Exception {
        store.close();
        store = null;
        Process child = startChild();
        List<String> reported = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (reported.size() < 3_000 && (line = lines.readLine()) != null) {
                reported.add(line);
            }
            onChildRunning();
            // SIGKILL, no shutdown hooks, no close(). Through the handle, because Process.destroyForcibly() also
            // closes our end of the pipe, and ids printed just before the kill are reports too.
            assertThat(child.toHandle().destroyForcibly()).isTrue();
            assertThat(child.waitFor()).isEqualTo(137);
            while ((line = lines.readLine()) != null) {
                reported.add(line);           // printed before the kill, still in the pipe
            }
        } finally {
            child.destroyForcibly();
        }
        Set<String> done = new HashSet<>();
        for (String id : reported) {
            if (ID.matcher(id).matches()) {   // a line cut by the kill is not a report
                done.add(id);
            }
        }
        assertThat(done).hasSizeGreaterThanOrEqualTo(3_000);

        store = open();

        Set<String> stored = new HashSet<>(ids(store.feedback().stream()));
        assertThat(stored).containsAll(done);
        assertThat(store.stats().feedbackTotal()).isEqualTo(stored.size());
        FeedbackEntry after = store.feedback().append(feedback("after", "q"));
        assertThat(store.feedback().newest(1)).containsExactly(after);
    }

    /** Called while the child still appends; subclasses may check what a second opener sees. */
    protected void onChildRunning() {
    }

    private Process startChild() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                CrashingAppender.class.getName()));
        command.addAll(childArgs());
        File err = childLogs.resolve("child-stderr.txt").toFile();
        return new ProcessBuilder(command).redirectError(err).start();
    }
}

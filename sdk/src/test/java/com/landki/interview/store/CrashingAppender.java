package com.landki.interview.store;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Child JVM for the kill -9 test: opens a store ({@code jsonl <dir>} or {@code postgres <url> <user>}), then
 * appends forever and prints each id once its append returned. The parent kills it with
 * {@link Process#destroyForcibly()} and checks that every printed id is in the store.
 */
public final class CrashingAppender {

    private CrashingAppender() {
    }

    public static void main(String[] args) {
        StoreConfig.Builder config = StoreConfig.builder().type(args[0]);
        if (args[0].equals(StoreConfig.TYPE_JSONL)) {
            config.logDir(Path.of(args[1])).rotateMaxBytes(32 * 1024);
        } else {
            config.jdbcUrl(args[1]).jdbcUser(args[2]);
        }
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        InterviewStore store = InterviewStore.open(config.build());
        for (long i = 0; ; i++) {
            FeedbackEntry saved = store.feedback().append(
                    FeedbackEntry.publicFeedback("crash", "question " + i, "answer " + i, null, null, null));
            out.println(saved.id());
            out.flush();
        }
    }
}

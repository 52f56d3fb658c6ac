package com.landki.interview.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.landki.interview.store.Durability;
import com.landki.interview.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log on plain string lines, so each concern is visible in the files. */
class JsonlLogTest {

    @TempDir
    Path dir;

    private final AtomicInteger decoded = new AtomicInteger();
    private final List<String> added = Collections.synchronizedList(new ArrayList<>());
    private final List<String> removed = Collections.synchronizedList(new ArrayList<>());
    private JsonlLog<String> log;

    /** Lines are the strings themselves; a line starting with "!" is unreadable. */
    private final JsonlLog.Codec<String> codec = new JsonlLog.Codec<>() {
        @Override
        public byte[] encode(String value) {
            return value.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String decode(byte[] buf, int off, int len) throws IOException {
            decoded.incrementAndGet();
            if (buf[off] == '!') {
                throw new IOException("unreadable");
            }
            return new String(buf, off, len, StandardCharsets.UTF_8);
        }
    };

    private final JsonlLog.Listener<String> listener = new JsonlLog.Listener<>() {
        @Override
        public void added(String value) {
            added.add(value);
        }

        @Override
        public void removed(String value) {
            removed.add(value);
        }
    };

    private JsonlLog<String> open(long rotateMaxBytes, int retentionFiles) {
        log = JsonlLog.open(dir, "log.jsonl", codec, new JsonlLog.Options(Durability.FLUSH, rotateMaxBytes, false,
                retentionFiles, Clock.systemUTC()), listener);
        return log;
    }

    @AfterEach
    void close() {
        if (log != null) {
            log.close();
        }
    }

    private static List<String> all(JsonlLog<String> log) {
        try (Stream<String> s = log.stream()) {
            return s.collect(Collectors.toList());
        }
    }

    @Test
    void retentionDeletesTheOldestRotatedFilesAndReportsTheirValuesAsRemoved() throws IOException {
        open(100, 2);
        List<String> values = IntStream.range(0, 100).mapToObj(i -> String.format("value-%03d", i)).toList();

        values.forEach(log::append);

        List<Path> rotated = log.rotatedFiles();
        assertThat(rotated).hasSize(2);
        assertThat(rotated).allMatch(Files::exists);
        assertThat(rotated.get(0).getFileName().toString()).matches("log-\\d{8}-\\d{6}\\.jsonl");
        List<String> kept = all(log);
        assertThat(kept).isEqualTo(values.subList(100 - kept.size(), 100));   // the newest, in order
        assertThat(removed).isEqualTo(values.subList(0, 100 - kept.size()));   // the oldest, in order
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("log-"))).hasSize(2);
        }
    }

    @Test
    void openReplaysEveryValueAndRotationContinuesAfterTheHighestGeneration() throws IOException {
        Files.writeString(dir.resolve("log-20261124-000041.jsonl"), "a\nb\n");
        Files.writeString(dir.resolve("log.jsonl"), "c\n");

        open(3, 0).append("d");                        // "c\n" + "d\n" would pass 3 bytes

        assertThat(added).containsExactly("a", "b", "c", "d");
        assertThat(log.rotatedFiles()).extracting(p -> p.getFileName().toString())
                .element(1).asString().endsWith("-000042.jsonl");
        assertThat(all(log)).containsExactly("a", "b", "c", "d");
    }

    @Test
    void aStreamSeesTheLogAsItWasWhenItOpenedAndAnUnreadableLineIsSkipped() {
        open(0, 0);
        log.append("one");
        log.append("!broken");
        log.append("two");

        try (Stream<String> before = log.stream()) {
            log.append("three");
            assertThat(before).containsExactly("one", "two");
        }
        assertThat(log.newest(5)).containsExactly("three", "two", "one");
    }

    @Test
    void erasureDecodesOnlyLinesThatHoldTheHint() {
        open(0, 0);
        for (int i = 0; i < 50; i++) {
            log.append("keep " + i);
        }
        log.append("drop me");
        decoded.set(0);

        long n = log.removeIf(v -> v.startsWith("drop"), "drop".getBytes(StandardCharsets.UTF_8));

        assertThat(n).isEqualTo(1);
        assertThat(decoded).hasValue(1);
        assertThat(removed).containsExactly("drop me");
        assertThat(all(log)).hasSize(50).noneMatch(v -> v.startsWith("drop"));
    }

    @Test
    void afterCloseAppendsReadsAndErasureFailAndTheDirectoryCanBeOpenedAgain() {
        open(0, 0).append("x");
        log.close();

        assertThatThrownBy(() -> log.append("y")).isInstanceOf(StoreException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> log.newest(1)).isInstanceOf(StoreException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> log.removeIf(v -> true, null)).isInstanceOf(StoreException.class)
                .hasMessageContaining("closed");
        assertThat(open(0, 0).newest(5)).containsExactly("x");
    }
}

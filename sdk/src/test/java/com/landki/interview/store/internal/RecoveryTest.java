package com.landki.interview.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryTest {

    @TempDir
    Path dir;

    private long cut(String content) throws IOException {
        Path f = dir.resolve("log.jsonl");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return Recovery.cutTornTail(ch, f);
        }
    }

    private String content() throws IOException {
        return Files.readString(dir.resolve("log.jsonl"), StandardCharsets.UTF_8);
    }

    @Test
    void aTornLastLineIsCutBackToTheLastCompleteRecord() throws IOException {
        assertThat(cut("{\"a\":1}\n{\"a\":2}\n{\"a\":")).isEqualTo(16);
        assertThat(content()).isEqualTo("{\"a\":1}\n{\"a\":2}\n");
    }

    @Test
    void aFileThatEndsInANewlineIsNotTouched() throws IOException {
        assertThat(cut("{\"a\":1}\n{\"a\":2}\n")).isEqualTo(16);
        assertThat(content()).isEqualTo("{\"a\":1}\n{\"a\":2}\n");
        assertThat(cut("")).isZero();
    }

    @Test
    void aFileHoldingOnlyATornLineBecomesEmpty() throws IOException {
        assertThat(cut("{\"a\":")).isZero();
        assertThat(content()).isEmpty();
    }

    @Test
    void aTornLineLongerThanOneReadChunkIsCutWhole() throws IOException {
        String torn = "{\"text\":\"" + "x".repeat(3 * BackwardScan.CHUNK + 17);

        assertThat(cut("{\"a\":1}\n" + torn)).isEqualTo(8);
        assertThat(content()).isEqualTo("{\"a\":1}\n");
    }

    @Test
    void openRemovesErasureTempFilesAndOrdersRotatedFilesByGeneration() throws IOException {
        Files.writeString(dir.resolve("log.jsonl"), "{\"active\":1}\n{\"torn", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("log-20261125-000002.jsonl"), "b\n");
        Files.writeString(dir.resolve("log-20261126-1000000.jsonl"), "c\n");
        Files.writeString(dir.resolve("log-20261124-000001.jsonl"), "a\n");
        Files.writeString(dir.resolve("log-20261124-000001.jsonl.tmp"), "half an erasure");
        Files.writeString(dir.resolve("log.jsonl.tmp"), "half an erasure");
        Files.writeString(dir.resolve("other-20261124-000001.jsonl"), "not ours\n");

        Segments segments = Recovery.open(new LogFiles(dir, "log.jsonl"), Clock.systemUTC());
        try {
            assertThat(segments.rotated()).extracting(r -> r.path().getFileName().toString())
                    .containsExactly("log-20261124-000001.jsonl", "log-20261125-000002.jsonl",
                            "log-20261126-1000000.jsonl");
            assertThat(segments.committed()).isEqualTo(13);
        } finally {
            segments.close();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
        assertThat(Files.size(dir.resolve("log.jsonl"))).isEqualTo(13);
    }
}

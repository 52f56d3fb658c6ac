package com.landki.interview.bench.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.landki.interview.store.FeedbackEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/** Feedback entries and JSONL files for the store benchmarks. */
final class BenchData {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BenchData() {
    }

    /** A typical public feedback entry (about 300 bytes as JSON). */
    static FeedbackEntry entry(long i) {
        return FeedbackEntry.publicFeedback("cksess_" + (i % 10_000),
                "Welche Voraussetzungen brauche ich für das Interview zum Thema KI-Strategie?",
                "Dazu habe ich in den Unterlagen leider keine Informationen gefunden.", null,
                "Automatisch markiert", "203.0.113.0");
    }

    /** Entry {@code i} as a stored JSONL line, with id and ts, newline included. */
    static byte[] line(long i) {
        FeedbackEntry e = entry(i).withIdAndTs(String.format("fb_bench%016x", i),
                Instant.ofEpochSecond(1_790_000_000L + i));
        try {
            byte[] json = MAPPER.writeValueAsBytes(e);
            byte[] line = new byte[json.length + 1];
            System.arraycopy(json, 0, line, 0, json.length);
            line[json.length] = '\n';
            return line;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A fresh directory under {@code bench.dir} (default: the system temp dir). */
    static Path tempDir(String name) throws IOException {
        Path base = Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir")));
        Files.createDirectories(base);
        return Files.createTempDirectory(base, "store-bench-" + name);
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}

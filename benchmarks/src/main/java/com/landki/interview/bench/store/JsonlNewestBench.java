package com.landki.interview.bench.store;

import com.landki.interview.store.FeedbackEntry;
import com.landki.interview.store.InterviewStore;
import com.landki.interview.store.StoreConfig;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code feedback().newest(50)} — what {@code /feedback/list?limit=50} costs — on a 1 MB and a 1 GB
 * {@code feedback.jsonl}. The files are generated once under {@code bench.dir} and reused; the store is opened
 * through the public API (which replays the file for the stats at open, outside the measurement).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JsonlNewestBench {

    @Param({"1MB", "1GB"})
    public String fileSize;

    private InterviewStore store;

    @Setup(Level.Trial)
    public void open() throws IOException {
        long bytes = fileSize.equals("1GB") ? 1L << 30 : 1L << 20;
        Path base = Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir")));
        Path dir = base.resolve("store-bench-newest-" + fileSize);
        Files.createDirectories(dir);
        Path file = dir.resolve("feedback.jsonl");
        if (!Files.exists(file) || Files.size(file) < bytes) {
            generate(file, bytes);
        }
        store = InterviewStore.open(StoreConfig.builder().type("jsonl").logDir(dir).rotateMaxBytes(0).build());
    }

    private static void generate(Path file, long bytes) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            long written = 0;
            for (long i = 0; written < bytes; i++) {
                byte[] line = BenchData.line(i);
                out.write(line);
                written += line.length;
            }
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        store.close();
    }

    @Benchmark
    public List<FeedbackEntry> newest50() {
        return store.feedback().newest(50);
    }
}

package com.landki.interview.bench.store;

import com.landki.interview.store.Durability;
import com.landki.interview.store.FeedbackEntry;
import com.landki.interview.store.FeedbackStore;
import com.landki.interview.store.InterviewStore;
import com.landki.interview.store.StoreConfig;
import java.io.IOException;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.Threads;

/**
 * Appends of public feedback through {@code InterviewStore.feedback().append(…)} (validation, id, JSON, group
 * commit) to a JSONL store, at 1, 8 and 64 threads, in flush and fsync mode. Compare the fsync figures with
 * {@link FsyncPerRecordBaselineBench} from the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JsonlAppendBench {

    @Param({"FLUSH", "FSYNC"})
    public Durability durability;

    private Path dir;
    private InterviewStore store;
    private FeedbackStore feedback;
    private final FeedbackEntry entry = BenchData.entry(0);

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = BenchData.tempDir("append");
        store = InterviewStore.open(StoreConfig.builder().type("jsonl").logDir(dir).durability(durability)
                .rotateMaxBytes(0).build());
        feedback = store.feedback();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        store.close();
        BenchData.delete(dir);
    }

    @Benchmark
    @Threads(1)
    public FeedbackEntry append_1thread() {
        return feedback.append(entry);
    }

    @Benchmark
    @Threads(8)
    public FeedbackEntry append_8threads() {
        return feedback.append(entry);
    }

    @Benchmark
    @Threads(64)
    public FeedbackEntry append_64threads() {
        return feedback.append(entry);
    }
}

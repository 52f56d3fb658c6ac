package com.landki.interview.bench.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The baseline for fsync mode: what a naive durable log does — under one lock, write the (pre-encoded) line
 * and fdatasync it, record by record. It skips validation and JSON encoding, so it flatters the baseline.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FsyncPerRecordBaselineBench {

    private Path dir;
    private FileChannel channel;
    private byte[] line;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = BenchData.tempDir("baseline");
        channel = FileChannel.open(dir.resolve("feedback.jsonl"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        line = BenchData.line(0);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        channel.close();
        BenchData.delete(dir);
    }

    private long appendAndSync() throws IOException {
        synchronized (this) {
            ByteBuffer b = ByteBuffer.wrap(line);
            while (b.hasRemaining()) {
                channel.write(b);
            }
            channel.force(false);
            return channel.position();
        }
    }

    @Benchmark
    @Threads(1)
    public long fsyncPerRecord_1thread() throws IOException {
        return appendAndSync();
    }

    @Benchmark
    @Threads(8)
    public long fsyncPerRecord_8threads() throws IOException {
        return appendAndSync();
    }

    @Benchmark
    @Threads(64)
    public long fsyncPerRecord_64threads() throws IOException {
        return appendAndSync();
    }
}

package com.landki.interview.bench.store;

import com.landki.interview.store.FeedbackEntry;
import com.landki.interview.store.FeedbackStore;
import com.landki.interview.store.InterviewStore;
import com.landki.interview.store.StoreConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;

/**
 * A companion to {@link JsonlAppendBench} for a shared machine: one thread appends in flush mode and prints
 * wall time and the thread's CPU time (user + system, so the {@code write} syscall is included) per append.
 * CPU time shows what one free core sustains when other processes take the wall clock.
 * Run: {@code java -cp benchmarks/target/benchmarks.jar com.landki.interview.bench.store.AppendCpuTime}.
 */
public final class AppendCpuTime {

    private AppendCpuTime() {
    }

    public static void main(String[] args) throws IOException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Path dir = BenchData.tempDir("cpu");
        FeedbackEntry entry = BenchData.entry(0);
        try (InterviewStore store = InterviewStore.open(StoreConfig.builder().type("jsonl").logDir(dir)
                .rotateMaxBytes(0).build())) {
            FeedbackStore feedback = store.feedback();
            int n = 300_000;
            for (int round = 1; round <= 10; round++) {
                long cpu0 = mx.getCurrentThreadCpuTime();
                long wall0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    feedback.append(entry);
                }
                long cpu = mx.getCurrentThreadCpuTime() - cpu0;
                long wall = System.nanoTime() - wall0;
                System.out.printf("round %2d: wall %.2f us/append (%.0f/s), thread CPU %.2f us/append (%.0f per CPU-second)%n",
                        round, wall / 1e3 / n, n / (wall / 1e9), cpu / 1e3 / n, n / (cpu / 1e9));
            }
        } finally {
            BenchData.delete(dir);
        }
    }
}

package com.landki.interview.store.internal;

import com.landki.interview.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit: callers queue their line; one caller at a time is the leader and hands everything queued to
 * the {@link BatchWriter} in one call (one {@code write}, one {@code fdatasync}); the others wait for their own
 * batch and return. A leader keeps writing while others queue up (at most {@link #MAX_LEADER_ROUNDS} batches
 * after its own), which saves a thread hand-over per batch — that matters most when each batch waits for
 * fsync. Lines never interleave because only the leader writes. Thread-safe.
 */
final class GroupCommit {

    /** Writes one batch; called by one thread at a time. */
    @FunctionalInterface
    interface BatchWriter {
        /**
         * @param lines the lines in queue order, each without its {@code \n}
         * @param bytes their length including one {@code \n} each
         * @throws StoreException the batch is not written; every caller in it gets this exception
         */
        void write(List<byte[]> lines, int bytes);
    }

    /** A leader writes at most this many batches in a row before handing over, so no caller waits forever. */
    static final int MAX_LEADER_ROUNDS = 8;

    private final BatchWriter writer;
    private final String name;

    // Callers queue lines in `filling`; the others wait on their own batch's condition, so a finished batch
    // wakes only its members.
    private final ReentrantLock queueLock = new ReentrantLock();
    private Batch filling = new Batch(queueLock);                 // guarded by queueLock
    private boolean leaderActive;                                 // guarded by queueLock

    /** Lines that go to the writer in one call. Fields guarded by queueLock, except during the write itself. */
    private static final class Batch {
        final List<byte[]> lines = new ArrayList<>();
        final Condition finished;
        int bytes;
        boolean done;
        StoreException failure;

        Batch(ReentrantLock lock) {
            this.finished = lock.newCondition();
        }
    }

    /** @param name what is written, for the message of an unexpected failure */
    GroupCommit(BatchWriter writer, String name) {
        this.writer = writer;
        this.name = name;
    }

    /**
     * Queues {@code line} and returns once the batch holding it is written.
     *
     * @throws StoreException the writer failed on that batch
     */
    void submit(byte[] line) {
        Batch mine;
        boolean leader = false;
        queueLock.lock();
        try {
            mine = filling;
            mine.lines.add(line);
            mine.bytes += line.length + 1;
            while (!mine.done && leaderActive) {
                mine.finished.awaitUninterruptibly();
            }
            if (!mine.done) {
                leaderActive = true;
                leader = true;
            }
        } finally {
            queueLock.unlock();
        }
        if (leader) {
            lead(mine);
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
    }

    /** Lines queued for the next batch (tests use it to know that callers are waiting). */
    int queued() {
        queueLock.lock();
        try {
            return filling.lines.size();
        } finally {
            queueLock.unlock();
        }
    }

    /** Writes batches until nothing is queued (or {@link #MAX_LEADER_ROUNDS}), then steps down. */
    private void lead(Batch mine) {
        int rounds = 0;
        boolean stepDown = false;
        try {
            while (true) {
                Batch batch;
                queueLock.lock();
                try {
                    batch = filling;
                    if (batch.lines.isEmpty() || (mine.done && rounds >= MAX_LEADER_ROUNDS)) {
                        leaderActive = false;
                        stepDown = true;
                        batch.finished.signalAll();      // one of them becomes the next leader
                        return;
                    }
                    filling = new Batch(queueLock);
                } finally {
                    queueLock.unlock();
                }
                write(batch);
                rounds++;
            }
        } finally {
            if (!stepDown) {                              // an Error escaped: never leave the queue leaderless
                queueLock.lock();
                try {
                    leaderActive = false;
                    filling.finished.signalAll();
                } finally {
                    queueLock.unlock();
                }
            }
        }
    }

    private void write(Batch batch) {
        boolean returned = false;
        try {
            writer.write(batch.lines, batch.bytes);
            returned = true;
        } catch (StoreException e) {
            batch.failure = e;
            returned = true;
        } finally {
            queueLock.lock();
            try {
                if (!returned) {                          // members must not wait forever nor think it worked
                    batch.failure = new StoreException("append to " + name + " failed unexpectedly");
                }
                batch.done = true;
                batch.finished.signalAll();
            } finally {
                queueLock.unlock();
            }
        }
    }
}

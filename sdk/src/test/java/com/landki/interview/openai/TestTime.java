package com.landki.interview.openai;

import com.landki.interview.testing.MutableClock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock that only moves when told and a sleeper that records waits and moves that clock instead of sleeping. */
final class TestTime {

    static final Instant START = Instant.parse("2026-11-26T04:00:00Z");

    final MutableClock clock = new MutableClock(START);
    final RecordingSleeper sleeper = new RecordingSleeper(clock);

    /** A retry policy on this fake time, without jitter, with the given number of attempts. */
    RetryPolicy.Builder policy() {
        return RetryPolicy.builder().sleeper(sleeper).clock(clock).jitter(0.0);
    }


    static final class RecordingSleeper implements Sleeper {
        final List<Duration> sleeps = new CopyOnWriteArrayList<>();
        private final MutableClock clock;

        RecordingSleeper(MutableClock clock) {
            this.clock = clock;
        }

        @Override
        public CompletionStage<Void> sleep(Duration duration) {
            sleeps.add(duration);
            clock.advance(duration);
            return CompletableFuture.completedFuture(null);
        }
    }
}

package com.landki.interview.store.internal;

import com.landki.interview.store.ChatEvent;
import com.landki.interview.store.StoreStats;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The chat events of the last {@link StoreStats#HOURS} UTC hours, one bucket per hour, for
 * {@link StoreStats#hourly()}. Older events count nowhere; events stamped up to {@code HOURS} hours ahead
 * (another writer's clock, an imported line) are kept until their hour comes, as the PostgreSQL store, which
 * counts at query time, would show them. Buckets that leave the window are dropped, so memory stays below
 * {@code 2 * HOURS} buckets. Updates commute like {@link StatsCounter}'s. Thread-safe.
 */
final class HourlyCounter {

    private static final long HOUR_SECONDS = 3600;

    private final Clock clock;
    /** Keyed by hours since the epoch. */
    private final ConcurrentHashMap<Long, Counts> buckets = new ConcurrentHashMap<>();
    /** Buckets before this hour are gone; a racy lower value only means one more (idempotent) pruning pass. */
    private volatile long prunedBefore = Long.MIN_VALUE;

    HourlyCounter(Clock clock) {
        this.clock = clock;
    }

    /** Hours since the epoch of the hour that holds {@code t}. */
    static long hourOf(Instant t) {
        return Math.floorDiv(t.getEpochSecond(), HOUR_SECONDS);
    }

    static Instant startOf(long hour) {
        return Instant.ofEpochSecond(hour * HOUR_SECONDS);
    }

    /** The first hour of the window that ends with the hour of {@code now}. */
    static long firstHour(Instant now) {
        return hourOf(now) - StoreStats.HOURS + 1;
    }

    void chat(String type, Boolean oos, Instant ts, int delta) {
        if (ts == null || type == null) {
            return;
        }
        long current = hourOf(clock.instant());
        long first = current - StoreStats.HOURS + 1;
        prune(first);
        long hour = hourOf(ts);
        if (hour < first || hour >= current + StoreStats.HOURS) {
            return;                           // outside the window: neither counted nor (when removed) uncounted
        }
        Counts b = buckets.get(hour);         // the common case, without computeIfAbsent's locking
        if (b == null) {
            b = buckets.computeIfAbsent(hour, h -> new Counts());
        }
        b.add(type, oos, delta);
    }

    private void prune(long first) {
        if (first > prunedBefore) {
            prunedBefore = first;
            buckets.keySet().removeIf(h -> h < first);
        }
    }

    /** One entry per hour of the window, oldest first. */
    List<StoreStats.Hour> snapshot() {
        long first = firstHour(clock.instant());
        prune(first);
        List<StoreStats.Hour> out = new ArrayList<>(StoreStats.HOURS);
        for (long h = first; h < first + StoreStats.HOURS; h++) {
            Counts b = buckets.get(h);
            out.add(b == null ? empty(h) : new StoreStats.Hour(startOf(h), b.created.sum(), b.failed.sum(),
                    b.classified.sum(), b.outOfScope.sum(), b.conversations.sum()));
        }
        return out;
    }

    static StoreStats.Hour empty(long hour) {
        return new StoreStats.Hour(startOf(hour), 0, 0, 0, 0, 0);
    }

    /** The window ending with the hour of {@code now}, from sparse per-hour counts (the PostgreSQL store's). */
    static List<StoreStats.Hour> dense(Instant now, Map<Long, StoreStats.Hour> byHour) {
        long first = firstHour(now);
        List<StoreStats.Hour> out = new ArrayList<>(StoreStats.HOURS);
        for (long h = first; h < first + StoreStats.HOURS; h++) {
            out.add(byHour.getOrDefault(h, empty(h)));
        }
        return out;
    }

    /** The five chat counters, for one hour here and for all time in {@link StatsCounter}. Thread-safe. */
    static final class Counts {
        final LongAdder created = new LongAdder();
        final LongAdder failed = new LongAdder();
        final LongAdder classified = new LongAdder();
        final LongAdder outOfScope = new LongAdder();
        final LongAdder conversations = new LongAdder();

        void add(String type, Boolean oos, int delta) {
            switch (type) {
                case ChatEvent.SESSION_CREATED:
                    created.add(delta);
                    break;
                case ChatEvent.SESSION_FAILED:
                    failed.add(delta);
                    break;
                case ChatEvent.THREAD_CREATED:
                    conversations.add(delta);
                    break;
                case ChatEvent.RESPONSE_CLASSIFIED:
                    classified.add(delta);
                    if (Boolean.TRUE.equals(oos)) {
                        outOfScope.add(delta);
                    }
                    break;
                default:
                    break;
            }
        }
    }
}

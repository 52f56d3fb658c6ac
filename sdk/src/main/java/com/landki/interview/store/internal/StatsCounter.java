package com.landki.interview.store.internal;

import com.landki.interview.store.StoreStats;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counters behind {@link StoreStats}, updated on every append and removal. Updates commute, so they need
 * no ordering with the writes they describe. Thread-safe.
 */
public final class StatsCounter {

    private final HourlyCounter.Counts totals = new HourlyCounter.Counts();
    private final LongAdder feedbackTotal = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> byCategory = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> byKind = new ConcurrentHashMap<>();
    private final HourlyCounter hourly;

    /** @param clock decides which hours are the last {@link StoreStats#HOURS} */
    public StatsCounter(Clock clock) {
        this.hourly = new HourlyCounter(clock);
    }

    void feedback(String kind, String category, int delta) {
        feedbackTotal.add(delta);
        counter(byKind, kind == null ? "public" : kind).add(delta);
        if (category != null) {
            counter(byCategory, category).add(delta);
        }
    }

    private static LongAdder counter(ConcurrentHashMap<String, LongAdder> map, String key) {
        LongAdder c = map.get(key);           // the common case, without computeIfAbsent's locking
        return c != null ? c : map.computeIfAbsent(key, k -> new LongAdder());
    }

    void chat(String type, Boolean oos, Instant ts, int delta) {
        if (type == null) {
            return;                           // a foreign line without type counts nowhere
        }
        totals.add(type, oos, delta);
        hourly.chat(type, oos, ts, delta);
    }

    /** A listener that keeps these counters in step with a log of {@code kind}. */
    public <T> JsonlLog.Listener<T> listener(EntryKind<T> kind) {
        return new JsonlLog.Listener<>() {
            @Override
            public void added(T value) {
                kind.count(value, StatsCounter.this, 1);
            }

            @Override
            public void removed(T value) {
                kind.count(value, StatsCounter.this, -1);
            }
        };
    }

    public StoreStats snapshot() {
        return new StoreStats(totals.created.sum(), totals.failed.sum(), feedbackTotal.sum(), sums(byCategory),
                sums(byKind), totals.classified.sum(), totals.outOfScope.sum(), totals.conversations.sum(), hourly.snapshot());
    }

    private static Map<String, Long> sums(Map<String, LongAdder> counters) {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((k, v) -> {
            long n = v.sum();
            if (n != 0) {
                out.put(k, n);
            }
        });
        return out;
    }
}

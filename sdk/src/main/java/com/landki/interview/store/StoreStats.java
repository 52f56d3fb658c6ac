package com.landki.interview.store;

import java.util.Map;

/**
 * Counters over everything a store holds (all rotated files included), as {@code /admin/stats} shows them. The
 * JSONL and in-memory stores keep them incrementally and rebuild them at open, so they are right after a
 * restart; the PostgreSQL store computes them in the database, so they are right across instances.
 *
 * @param sessionsCreated    {@code session.created} events
 * @param sessionsFailed     {@code session.failed} events
 * @param feedbackTotal      feedback entries of both kinds
 * @param feedbackByCategory public feedback per {@code category}
 * @param feedbackByKind     feedback per {@code kind} ({@code public}, {@code admin})
 * @param classified         {@code response.classified} events
 * @param outOfScope         {@code response.classified} events with {@code out_of_scope=true}
 */
public record StoreStats(long sessionsCreated, long sessionsFailed, long feedbackTotal,
        Map<String, Long> feedbackByCategory, Map<String, Long> feedbackByKind, long classified, long outOfScope) {

    public StoreStats {
        feedbackByCategory = Map.copyOf(feedbackByCategory);
        feedbackByKind = Map.copyOf(feedbackByKind);
    }

    /** Failed session requests among all session requests, 0 when there were none. */
    public double errorRate() {
        long all = sessionsCreated + sessionsFailed;
        return all == 0 ? 0.0 : (double) sessionsFailed / all;
    }

    /** Out-of-scope answers among classified answers, 0 when none was classified. */
    public double outOfScopeRate() {
        return classified == 0 ? 0.0 : (double) outOfScope / classified;
    }
}

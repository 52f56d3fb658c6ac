package com.landki.interview.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Counters over everything a store holds (all rotated files included), as {@code /admin/stats} shows them. The
 * JSONL and in-memory stores keep them incrementally and rebuild them at open, so they are right after a
 * restart; the PostgreSQL store computes them in the database, so they are right across instances. Immutable
 * and thread-safe.
 *
 * @param sessionsCreated    {@code session.created} events
 * @param sessionsFailed     {@code session.failed} events
 * @param feedbackTotal      feedback entries of both kinds
 * @param feedbackByCategory public feedback per {@code category}
 * @param feedbackByKind     feedback per {@code kind} ({@code public}, {@code admin})
 * @param classified         {@code response.classified} events
 * @param outOfScope         {@code response.classified} events with {@code out_of_scope=true}
 * @param conversations      {@code thread.created} events (conversations of the {@code server} backend)
 * @param hourly             the last {@link #HOURS} UTC hours, oldest first, the current hour last; one
 *                           {@link Hour} per hour, empty hours included (all zero)
 */
public record StoreStats(long sessionsCreated, long sessionsFailed, long feedbackTotal,
        Map<String, Long> feedbackByCategory, Map<String, Long> feedbackByKind, long classified, long outOfScope,
        long conversations, List<Hour> hourly) {

    /** Hours in {@link #hourly()}: two days, enough for the dashboard's 24-hour charts with a day to compare. */
    public static final int HOURS = 48;

    /**
     * Copies the maps and the list, so the value stays immutable.
     *
     * @param sessionsCreated {@code session.created} events
     * @param sessionsFailed {@code session.failed} events
     * @param feedbackTotal feedback entries of both kinds
     * @param feedbackByCategory public feedback per {@code category}; not {@code null}
     * @param feedbackByKind feedback per {@code kind}; not {@code null}
     * @param classified {@code response.classified} events
     * @param outOfScope classified answers that were out of scope
     * @param conversations {@code thread.created} events
     * @param hourly the last {@link #HOURS} hours, oldest first; not {@code null}
     */
    public StoreStats {
        feedbackByCategory = Map.copyOf(feedbackByCategory);
        feedbackByKind = Map.copyOf(feedbackByKind);
        hourly = List.copyOf(hourly);
    }

    /**
     * Counters without conversations (as before they were counted).
     *
     * @param sessionsCreated {@code session.created} events
     * @param sessionsFailed {@code session.failed} events
     * @param feedbackTotal feedback entries of both kinds
     * @param feedbackByCategory public feedback per {@code category}; not {@code null}
     * @param feedbackByKind feedback per {@code kind}; not {@code null}
     * @param classified {@code response.classified} events
     * @param outOfScope classified answers that were out of scope
     * @param hourly the last {@link #HOURS} hours, oldest first; not {@code null}
     */
    public StoreStats(long sessionsCreated, long sessionsFailed, long feedbackTotal,
            Map<String, Long> feedbackByCategory, Map<String, Long> feedbackByKind, long classified,
            long outOfScope, List<Hour> hourly) {
        this(sessionsCreated, sessionsFailed, feedbackTotal, feedbackByCategory, feedbackByKind, classified,
                outOfScope, 0, hourly);
    }

    /**
     * Counters without an hourly series (as before the series existed).
     *
     * @param sessionsCreated {@code session.created} events
     * @param sessionsFailed {@code session.failed} events
     * @param feedbackTotal feedback entries of both kinds
     * @param feedbackByCategory public feedback per {@code category}; not {@code null}
     * @param feedbackByKind feedback per {@code kind}; not {@code null}
     * @param classified {@code response.classified} events
     * @param outOfScope classified answers that were out of scope
     */
    public StoreStats(long sessionsCreated, long sessionsFailed, long feedbackTotal,
            Map<String, Long> feedbackByCategory, Map<String, Long> feedbackByKind, long classified,
            long outOfScope) {
        this(sessionsCreated, sessionsFailed, feedbackTotal, feedbackByCategory, feedbackByKind, classified,
                outOfScope, 0, List.of());
    }

    /**
     * The chat events of one UTC hour, counted by their {@code ts}.
     *
     * @param start         the hour's first instant (minutes, seconds and nanos zero)
     * @param conversations {@code thread.created} events
     */
    public record Hour(Instant start, long sessionsCreated, long sessionsFailed, long classified,
            long outOfScope, long conversations) {

        /**
         * @param start the hour's first instant; not {@code null}
         * @param sessionsCreated {@code session.created} events
         * @param sessionsFailed {@code session.failed} events
         * @param classified {@code response.classified} events
         * @param outOfScope classified answers that were out of scope
         * @param conversations {@code thread.created} events
         */
        public Hour {
            Objects.requireNonNull(start, "start");
        }

        /**
         * An hour without conversations (as before they were counted).
         *
         * @param start the hour's first instant; not {@code null}
         * @param sessionsCreated {@code session.created} events
         * @param sessionsFailed {@code session.failed} events
         * @param classified {@code response.classified} events
         * @param outOfScope classified answers that were out of scope
         */
        public Hour(Instant start, long sessionsCreated, long sessionsFailed, long classified, long outOfScope) {
            this(start, sessionsCreated, sessionsFailed, classified, outOfScope, 0);
        }
    }

    /**
     * Failed session requests among all session requests, 0 when there were none.
     *
     * @return 0.0 to 1.0
     */
    public double errorRate() {
        long all = sessionsCreated + sessionsFailed;
        return all == 0 ? 0.0 : (double) sessionsFailed / all;
    }

    /**
     * Out-of-scope answers among classified answers, 0 when none was classified.
     *
     * @return 0.0 to 1.0
     */
    public double outOfScopeRate() {
        return classified == 0 ? 0.0 : (double) outOfScope / classified;
    }
}

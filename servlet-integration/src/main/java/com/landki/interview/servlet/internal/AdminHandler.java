package com.landki.interview.servlet.internal;

import com.landki.interview.store.InterviewStore;
import com.landki.interview.store.StoreStats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /admin/stats}, {@code /admin/logs} and {@code DELETE /admin/data}. Thread-safe. */
public final class AdminHandler {

    private final InterviewStore store;
    private final Clock clock;
    private final Instant started;

    public AdminHandler(InterviewStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.started = clock.instant();
    }

    /** The store's counters (kept across restarts) plus this process's uptime. */
    public ApiResponse stats() {
        StoreStats stats = store.stats();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sessions_created", stats.sessionsCreated());
        out.put("sessions_failed", stats.sessionsFailed());
        out.put("error_rate", stats.errorRate());
        out.put("feedback_total", stats.feedbackTotal());
        out.put("feedback_by_category", stats.feedbackByCategory());
        out.put("feedback_by_kind", stats.feedbackByKind());
        out.put("classified", stats.classified());
        out.put("out_of_scope", stats.outOfScope());
        out.put("out_of_scope_rate", stats.outOfScopeRate());
        out.put("store", store.type());
        out.put("started_at", started.toString());
        out.put("uptime_s", Duration.between(started, clock.instant()).toSeconds());
        return ApiResponse.ok(out);
    }

    /** {@code type} is {@code chat} (default) or {@code feedback}. */
    public ApiResponse logs(String type, int limit) {
        String kind = type == null ? "chat" : type;
        List<?> entries;
        if ("chat".equals(kind)) {
            entries = store.chatLog().newest(limit);
        } else if ("feedback".equals(kind)) {
            entries = store.feedback().newest(limit);
        } else {
            throw ApiException.validation("type", "must be chat or feedback");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", kind);
        out.put("entries", entries);
        out.put("count", entries.size());
        return ApiResponse.ok(out);
    }

    public ApiResponse erase(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            throw ApiException.validation("session_id", "is required as a query parameter");
        }
        if (sessionId.length() > 200) {
            throw ApiException.validation("session_id", "must be at most 200 characters");
        }
        return ApiResponse.ok(Map.of("deleted", store.eraseSession(sessionId)));
    }
}

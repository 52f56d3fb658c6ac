package com.landki.interview.servlet.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /admin/stats}, {@code /admin/logs} and {@code DELETE /admin/data}. Thread-safe. */
public final class AdminHandler {

    private final StorePort store;
    private final Clock clock;
    private final Instant started;

    public AdminHandler(StorePort store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.started = clock.instant();
    }

    public ApiResponse stats() {
        Map<String, Object> out = new LinkedHashMap<>(store.stats());
        out.put("started_at", started.toString());
        out.put("uptime_s", Duration.between(started, clock.instant()).toSeconds());
        return ApiResponse.ok(out);
    }

    /** {@code type} is {@code chat} (default) or {@code feedback}. */
    public ApiResponse logs(String type, int limit) {
        String kind = type == null ? "chat" : type;
        List<Object> entries;
        if ("chat".equals(kind)) {
            entries = store.newestChatEvents(limit);
        } else if ("feedback".equals(kind)) {
            entries = store.newestFeedback(limit);
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
        long deleted = store.eraseSession(sessionId);
        return ApiResponse.ok(Map.of("deleted", deleted));
    }
}

package com.landki.interview.servlet.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code POST /feedback}, {@code POST /admin/feedback} and {@code GET /feedback/list}. Thread-safe. */
public final class FeedbackHandler {

    public static final String DEFAULT_CATEGORY = "out_of_scope";
    static final int MAX_TEXT = 20_000;
    static final int MAX_COMMENT = 4_000;

    private final StorePort store;
    private final List<String> categories;
    private final ApiMetrics metrics;

    public FeedbackHandler(StorePort store, List<String> categories, ApiMetrics metrics) {
        this.store = store;
        this.categories = List.copyOf(categories);
        this.metrics = metrics;
    }

    /** The seed's public feedback: {@code session_id, user_question, assistant_reply, category, comment}. */
    public ApiResponse submitPublic(ObjectNode body, CallContext caller) {
        String sessionId = Json.optString(body, "session_id", 200);
        String question = Json.optString(body, "user_question", MAX_TEXT);
        String reply = Json.optString(body, "assistant_reply", MAX_TEXT);
        String category = Json.optString(body, "category", 40);
        String comment = Json.optString(body, "comment", MAX_COMMENT);
        if (category == null) {
            category = DEFAULT_CATEGORY;
        } else if (!categories.contains(category)) {
            throw ApiException.validation("category", "must be one of " + categories);
        }
        StorePort.Stored stored = store.appendFeedback(new StorePort.FeedbackDraft("public", sessionId, question,
                reply, category, comment, null, null, caller.storedIp()));
        metrics.feedback("public", category);
        return ApiResponse.created(identity(stored));
    }

    /** A structured rating: {@code session_id}, {@code rating} 1..5, optional {@code reason}, {@code comment}. */
    public ApiResponse submitAdmin(ObjectNode body, CallContext caller) {
        String sessionId = Json.requireString(body, "session_id", 200);
        Integer rating = Json.optInt(body, "rating", 1, 5);
        if (rating == null) {
            throw ApiException.validation("rating", "is required (an integer 1..5)");
        }
        String reason = Json.optString(body, "reason", 200);
        String comment = Json.optString(body, "comment", MAX_COMMENT);
        String question = Json.optString(body, "user_question", MAX_TEXT);
        String reply = Json.optString(body, "assistant_reply", MAX_TEXT);
        StorePort.Stored stored = store.appendFeedback(new StorePort.FeedbackDraft("admin", sessionId, question, reply,
                "rating", comment, rating, reason, caller.storedIp()));
        metrics.feedback("admin", "rating");
        return ApiResponse.created(identity(stored));
    }

    public ApiResponse list(int limit) {
        List<Object> entries = store.newestFeedback(limit);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("entries", entries);
        out.put("count", entries.size());
        return ApiResponse.ok(out);
    }

    private static Map<String, Object> identity(StorePort.Stored stored) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", stored.id());
        out.put("ts", stored.ts());
        return out;
    }
}

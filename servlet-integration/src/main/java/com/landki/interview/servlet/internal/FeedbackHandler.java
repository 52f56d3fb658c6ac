package com.landki.interview.servlet.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.landki.interview.store.FeedbackEntry;
import com.landki.interview.store.InterviewStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code POST /feedback}, {@code POST /admin/feedback} and {@code GET /feedback/list}. Thread-safe. */
public final class FeedbackHandler {

    static final int MAX_TEXT = 20_000;
    static final int MAX_COMMENT = 4_000;

    private final InterviewStore store;
    private final List<String> categories;
    private final ApiMetrics metrics;

    public FeedbackHandler(InterviewStore store, List<String> categories, ApiMetrics metrics) {
        this.store = store;
        this.categories = List.copyOf(categories);
        this.metrics = metrics;
    }

    /** The original FastAPI server's public feedback: {@code session_id, user_question, assistant_reply, category, comment}. */
    public ApiResponse submitPublic(ObjectNode body, CallContext caller) {
        String sessionId = Json.requireString(body, "session_id", 200);
        String question = Json.optString(body, "user_question", MAX_TEXT);
        String reply = Json.optString(body, "assistant_reply", MAX_TEXT);
        String category = Json.optString(body, "category", 40);
        String comment = Json.optString(body, "comment", MAX_COMMENT);
        if (category == null) {
            category = FeedbackEntry.DEFAULT_CATEGORY;
        } else if (!categories.contains(category)) {
            throw ApiException.validation("category", "must be one of " + categories);
        }
        FeedbackEntry stored = store.feedback().append(FeedbackEntry.publicFeedback(sessionId, question, reply,
                category, comment, caller.storedIp()));
        metrics.feedback(FeedbackEntry.KIND_PUBLIC, category);
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
        FeedbackEntry stored = store.feedback().append(FeedbackEntry.adminRating(sessionId, rating, reason, comment,
                caller.storedIp()));
        metrics.feedback(FeedbackEntry.KIND_ADMIN, "rating_" + rating);
        return ApiResponse.created(identity(stored));
    }

    public ApiResponse list(int limit) {
        List<FeedbackEntry> entries = store.feedback().newest(limit);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("entries", entries);
        out.put("count", entries.size());
        return ApiResponse.ok(out);
    }

    private static Map<String, Object> identity(FeedbackEntry stored) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", stored.id());
        out.put("ts", stored.ts().toString());
        return out;
    }
}

package com.landki.interview.servlet.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * What the endpoints need from the feedback store and the chat-event log. Entries come back as
 * JSON-ready objects. Invalid input throws {@link ApiException} with {@code validation_failed}.
 * Implementations are thread-safe.
 */
public interface StorePort {

    /** {@code jsonl}, {@code postgres}, {@code memory}, … as shown by {@code /health}. */
    String type();

    /** Stores one feedback entry and answers its {@code id} and {@code ts}. */
    Stored appendFeedback(FeedbackDraft draft);

    List<Object> newestFeedback(int limit);

    List<Object> newestChatEvents(int limit);

    void appendChatEvent(ChatEventDraft event);

    /** Streams every feedback entry as {@code csv} or {@code jsonl}. */
    void exportFeedback(String format, OutputStream out) throws IOException;

    Map<String, Object> stats();

    /** Erases every record of a session and answers how many were removed. */
    long eraseSession(String sessionId);

    /** The identity of a stored record. */
    record Stored(String id, String ts) {
    }

    /** A feedback entry before it is stored; {@code kind} is {@code public} or {@code admin}. */
    record FeedbackDraft(String kind, String sessionId, String userQuestion, String assistantReply,
            String category, String comment, Integer rating, String reason, String ip) {
    }

    /** A chat-log event ({@code session.created}, {@code session.failed}, {@code response.classified}). */
    record ChatEventDraft(String type, String sessionId, String userHash, String ip, Long latencyMs,
            Integer upstreamStatus, String requestId, String errorCode, String userQuestion,
            String assistantReply, Boolean outOfScope, String source, String marker) {
    }
}

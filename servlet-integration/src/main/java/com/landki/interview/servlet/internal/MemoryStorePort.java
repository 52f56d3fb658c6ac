package com.landki.interview.servlet.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** A minimal in-memory store, used until the SDK's stores are wired in. Thread-safe. */
public final class MemoryStorePort implements StorePort {

    private final List<Map<String, Object>> feedback = new ArrayList<>();
    private final List<Map<String, Object>> chat = new ArrayList<>();

    @Override
    public String type() {
        return "memory";
    }

    @Override
    public synchronized Stored appendFeedback(FeedbackDraft d) {
        String id = "fb_" + UUID.randomUUID().toString().replace("-", "");
        String ts = Instant.now().toString();
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", id);
        e.put("ts", ts);
        e.put("kind", d.kind());
        e.put("session_id", d.sessionId());
        e.put("user_question", d.userQuestion());
        e.put("assistant_reply", d.assistantReply());
        e.put("category", d.category());
        e.put("comment", d.comment());
        e.put("rating", d.rating());
        e.put("reason", d.reason());
        e.put("ip", d.ip());
        feedback.add(e);
        return new Stored(id, ts);
    }

    @Override
    public synchronized List<Object> newestFeedback(int limit) {
        return newest(feedback, limit);
    }

    @Override
    public synchronized List<Object> newestChatEvents(int limit) {
        return newest(chat, limit);
    }

    @Override
    public synchronized void appendChatEvent(ChatEventDraft event) {
        Map<String, Object> e = new LinkedHashMap<>(Json.MAPPER.convertValue(event, Map.class));
        e.put("ts", Instant.now().toString());
        chat.add(e);
    }

    @Override
    public synchronized void exportFeedback(String format, OutputStream out) throws IOException {
        for (Map<String, Object> e : feedback) {
            out.write(Json.write(e));
            out.write('\n');
        }
        out.flush();
    }

    @Override
    public synchronized Map<String, Object> stats() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("feedback_total", feedback.size());
        out.put("chat_events_total", chat.size());
        return out;
    }

    @Override
    public synchronized long eraseSession(String sessionId) {
        int before = feedback.size() + chat.size();
        feedback.removeIf(e -> sessionId.equals(e.get("session_id")));
        chat.removeIf(e -> sessionId.equals(e.get("sessionId")));
        return before - feedback.size() - chat.size();
    }

    private static List<Object> newest(List<Map<String, Object>> list, int limit) {
        List<Object> out = new ArrayList<>();
        for (int i = list.size() - 1; i >= 0 && out.size() < limit; i--) {
            out.add(list.get(i));
        }
        return out;
    }

    static ScopePort noClassifier() {
        return new ScopePort() {
            @Override
            public Decision classifyText(String userQuestion, String assistantReply) {
                return new Decision(false, "none", null);
            }

            @Override
            public CompletableFuture<ThreadResult> classifyThread(String threadId, String userId) {
                return CompletableFuture.failedFuture(new ThreadNotFoundException(threadId));
            }

            @Override
            public boolean threadsConfigured() {
                return false;
            }
        };
    }
}

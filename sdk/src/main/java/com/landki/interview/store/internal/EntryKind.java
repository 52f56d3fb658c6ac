package com.landki.interview.store.internal;

import com.landki.interview.store.ChatEvent;
import com.landki.interview.store.FeedbackEntry;
import com.landki.interview.store.InvalidEntryException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the stores need to know about an entry type: its file name, how to validate it and fill in {@code id}
 * and {@code ts}, its session id, and how it counts in the stats. Two instances, {@link #FEEDBACK} and
 * {@link #CHAT}; stateless and thread-safe.
 */
public abstract class EntryKind<T> {

    public static final EntryKind<FeedbackEntry> FEEDBACK = new Feedback();
    public static final EntryKind<ChatEvent> CHAT = new Chat();

    /**
     * Whether {@code type} is {@code [a-z][a-z0-9_.-]{0,63}}: checked by hand, since every chat-log append
     * checks it and a regex matcher was a measurable share of an append's garbage.
     */
    static boolean isEventType(String type) {
        int n = type.length();
        if (n == 0 || n > 64 || type.charAt(0) < 'a' || type.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = type.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private final Class<T> type;
    private final String fileName;
    private final String idPrefix;

    private EntryKind(Class<T> type, String fileName, String idPrefix) {
        this.type = type;
        this.fileName = fileName;
        this.idPrefix = idPrefix;
    }

    public final Class<T> type() {
        return type;
    }

    /** {@code feedback.jsonl} or {@code chat.jsonl}. */
    public final String fileName() {
        return fileName;
    }

    /**
     * Validates the entry and returns it with {@code id} and {@code ts} set (kept when the caller gave them).
     *
     * @throws InvalidEntryException naming the first offending field
     */
    public abstract T prepare(T entry, Clock clock);

    public abstract String sessionId(T entry);

    public abstract String idOf(T entry);

    public abstract Instant tsOf(T entry);

    /** Adds ({@code delta = 1}) or removes ({@code -1}) the entry from the counters. */
    public abstract void count(T entry, StatsCounter stats, int delta);

    final String newId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        // time first so ids sort roughly by creation; 64 random bits keep instances apart without coordination
        String random = Long.toHexString(r.nextLong());
        return idPrefix + Long.toString(System.currentTimeMillis(), 36) + "0".repeat(16 - random.length()) + random;
    }

    final String id(String given) {
        if (given == null) {
            return newId();
        }
        text("id", given, 64, true);
        return given;
    }

    static Instant ts(Instant given, Clock clock) {
        return given != null ? given : clock.instant();
    }

    /** Checks one text field: present when required, not longer than {@code max}, storable everywhere. */
    static void text(String field, String value, int max, boolean required) {
        if (value == null) {
            if (required) {
                throw new InvalidEntryException(field, "is required");
            }
            return;
        }
        if (required && value.isBlank()) {
            throw new InvalidEntryException(field, "must not be blank");
        }
        if (value.length() > max) {
            throw new InvalidEntryException(field, "is " + value.length() + " chars, at most " + max + " allowed");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                throw new InvalidEntryException(field, "contains a NUL character at index " + i);
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw new InvalidEntryException(field, "contains a lone surrogate at index " + i);
            }
            if (Character.isLowSurrogate(c)) {
                throw new InvalidEntryException(field, "contains a lone surrogate at index " + i);
            }
        }
    }

    private static final class Feedback extends EntryKind<FeedbackEntry> {
        Feedback() {
            super(FeedbackEntry.class, "feedback.jsonl", "fb_");
        }

        @Override
        public FeedbackEntry prepare(FeedbackEntry e, Clock clock) {
            if (e == null) {
                throw new InvalidEntryException("entry", "is required");
            }
            int s = FeedbackEntry.MAX_SHORT_CHARS;
            int t = FeedbackEntry.MAX_TEXT_CHARS;
            text("kind", e.kind(), s, true);
            boolean admin = FeedbackEntry.KIND_ADMIN.equals(e.kind());
            if (!admin && !FeedbackEntry.KIND_PUBLIC.equals(e.kind())) {
                throw new InvalidEntryException("kind", "must be public or admin, was: " + e.kind());
            }
            text("session_id", e.sessionId(), s, true);
            text("user_question", e.userQuestion(), t, false);
            text("assistant_reply", e.assistantReply(), t, false);
            text("category", e.category(), s, !admin);
            text("comment", e.comment(), t, false);
            text("reason", e.reason(), t, false);
            text("ip", e.ip(), s, false);
            if (admin && e.rating() == null) {
                throw new InvalidEntryException("rating", "is required for admin ratings (1..5)");
            }
            if (e.rating() != null && (e.rating() < 1 || e.rating() > 5)) {
                throw new InvalidEntryException("rating", "must be 1..5, was: " + e.rating());
            }
            return e.withIdAndTs(id(e.id()), ts(e.ts(), clock));
        }

        @Override
        public String sessionId(FeedbackEntry e) {
            return e.sessionId();
        }

        @Override
        public String idOf(FeedbackEntry e) {
            return e.id();
        }

        @Override
        public Instant tsOf(FeedbackEntry e) {
            return e.ts();
        }

        @Override
        public void count(FeedbackEntry e, StatsCounter stats, int delta) {
            stats.feedback(e.kind(), e.category(), delta);
        }
    }

    private static final class Chat extends EntryKind<ChatEvent> {
        Chat() {
            super(ChatEvent.class, "chat.jsonl", "ev_");
        }

        @Override
        public ChatEvent prepare(ChatEvent e, Clock clock) {
            if (e == null) {
                throw new InvalidEntryException("event", "is required");
            }
            int s = ChatEvent.MAX_SHORT_CHARS;
            int t = ChatEvent.MAX_TEXT_CHARS;
            text("type", e.type(), 64, true);
            if (!isEventType(e.type())) {
                throw new InvalidEntryException("type", "must look like session.created (lower case, dots), was: "
                        + e.type());
            }
            text("session_id", e.sessionId(), s, false);
            text("thread_id", e.threadId(), s, false);
            text("user_hash", e.userHash(), s, false);
            text("ip", e.ip(), s, false);
            text("upstream_request_id", e.upstreamRequestId(), s, false);
            text("question", e.question(), t, false);
            text("answer", e.answer(), t, false);
            text("source", e.source(), s, false);
            text("marker", e.marker(), t, false);
            text("error", e.error(), t, false);
            if (e.latencyMs() != null && e.latencyMs() < 0) {
                throw new InvalidEntryException("latency_ms", "must be >= 0, was: " + e.latencyMs());
            }
            if (e.upstreamStatus() != null && (e.upstreamStatus() < 100 || e.upstreamStatus() > 599)) {
                throw new InvalidEntryException("upstream_status", "must be an HTTP status, was: "
                        + e.upstreamStatus());
            }
            return e.withIdAndTs(id(e.id()), ts(e.ts(), clock));
        }

        @Override
        public String sessionId(ChatEvent e) {
            return e.sessionId();
        }

        @Override
        public String idOf(ChatEvent e) {
            return e.id();
        }

        @Override
        public Instant tsOf(ChatEvent e) {
            return e.ts();
        }

        @Override
        public void count(ChatEvent e, StatsCounter stats, int delta) {
            stats.chat(e.type(), e.outOfScope(), e.ts(), delta);
        }
    }
}

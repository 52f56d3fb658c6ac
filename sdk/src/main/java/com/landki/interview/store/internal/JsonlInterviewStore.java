package com.landki.interview.store.internal;

import com.landki.interview.store.ChatEvent;
import com.landki.interview.store.ChatEventLog;
import com.landki.interview.store.FeedbackEntry;
import com.landki.interview.store.FeedbackStore;
import com.landki.interview.store.InterviewStore;
import com.landki.interview.store.StoreConfig;
import com.landki.interview.store.StoreStats;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JSONL store: {@code feedback.jsonl} and {@code chat.jsonl} in one directory, each a {@link JsonlLog}
 * with its own lock file; stats rebuilt at open and kept incrementally. Thread-safe.
 */
public final class JsonlInterviewStore implements InterviewStore {

    private final StatsCounter stats;
    private final Feedback feedback;
    private final Chat chat;

    private JsonlInterviewStore(StoreConfig config) {
        this.stats = new StatsCounter(config.clock());
        JsonlLog.Options options = new JsonlLog.Options(config.durability(), config.rotateMaxBytes(),
                config.rotateDaily(), config.retentionFiles(), config.clock());
        Path dir = config.logDir();
        this.feedback = new Feedback(open(dir, EntryKind.FEEDBACK, options), config);
        Chat c;
        try {
            c = new Chat(open(dir, EntryKind.CHAT, options), config);
        } catch (RuntimeException e) {
            feedback.log.close();
            throw e;
        }
        this.chat = c;
    }

    private <T> JsonlLog<T> open(Path dir, EntryKind<T> kind, JsonlLog.Options options) {
        return JsonlLog.open(dir, kind.fileName(), EntryCodecs.forKind(kind), options, stats.listener(kind));
    }

    public static InterviewStore open(StoreConfig config) {
        return new JsonlInterviewStore(config);
    }

    @Override
    public FeedbackStore feedback() {
        return feedback;
    }

    @Override
    public ChatEventLog chatLog() {
        return chat;
    }

    @Override
    public StoreStats stats() {
        return stats.snapshot();
    }

    @Override
    public String type() {
        return StoreConfig.TYPE_JSONL;
    }

    /** The log behind the feedback store (tests and benchmarks look at its files). */
    public JsonlLog<FeedbackEntry> feedbackLog() {
        return feedback.log;
    }

    public JsonlLog<ChatEvent> chatLogFile() {
        return chat.log;
    }

    @Override
    public void close() {
        try {
            feedback.log.close();
        } finally {
            chat.log.close();
        }
    }

    /** Entries kept in a {@link JsonlLog}. */
    static class LogStore<T> extends EntryStore<T> {
        private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9_.:@+=-]+");
        final JsonlLog<T> log;

        LogStore(EntryKind<T> kind, JsonlLog<T> log, StoreConfig config) {
            super(kind, config.clock());
            this.log = log;
        }

        @Override
        protected void store(T prepared) {
            log.append(prepared);
        }

        @Override
        protected List<T> readNewest(int n) {
            return log.newest(n);
        }

        @Override
        public Stream<T> stream() {
            return log.stream();
        }

        @Override
        protected long erase(String sessionId) {
            // The raw-bytes pre-filter is only safe for ids every JSON writer spells the same way; for others
            // (e.g. "ü" written as \u00fc by another tool) every line is decoded.
            byte[] hint = PLAIN_ID.matcher(sessionId).matches() ? Json.literal(sessionId) : null;
            return log.removeIf(v -> sessionId.equals(kind.sessionId(v)), hint);
        }
    }

    static final class Feedback extends LogStore<FeedbackEntry> implements FeedbackStore {
        Feedback(JsonlLog<FeedbackEntry> log, StoreConfig config) {
            super(EntryKind.FEEDBACK, log, config);
        }
    }

    static final class Chat extends LogStore<ChatEvent> implements ChatEventLog {
        Chat(JsonlLog<ChatEvent> log, StoreConfig config) {
            super(EntryKind.CHAT, log, config);
        }
    }
}

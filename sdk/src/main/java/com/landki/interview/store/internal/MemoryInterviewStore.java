package com.landki.interview.store.internal;

import com.landki.interview.store.ChatEvent;
import com.landki.interview.store.ChatEventLog;
import com.landki.interview.store.FeedbackEntry;
import com.landki.interview.store.FeedbackStore;
import com.landki.interview.store.InterviewStore;
import com.landki.interview.store.StoreConfig;
import com.landki.interview.store.StoreException;
import com.landki.interview.store.StoreStats;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Everything in lists in memory, for tests and demos; nothing survives the process. Thread-safe. */
public final class MemoryInterviewStore implements InterviewStore {

    private final StatsCounter stats;
    private final Feedback feedback;
    private final Chat chat;
    private volatile boolean closed;

    public MemoryInterviewStore(Clock clock) {
        this.stats = new StatsCounter(clock);
        this.feedback = new Feedback(clock);
        this.chat = new Chat(clock);
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
        return StoreConfig.TYPE_MEMORY;
    }

    @Override
    public void close() {
        closed = true;
    }

    /** A list guarded by its own monitor; streams iterate over a copy, so they never see a half change. */
    class ListStore<T> extends EntryStore<T> {
        private final List<T> entries = new ArrayList<>();
        private final JsonlLog.Listener<T> counter;

        ListStore(EntryKind<T> kind, Clock clock) {
            super(kind, clock);
            this.counter = stats.listener(kind);
        }

        @Override
        protected void store(T prepared) {
            if (closed) {
                throw new StoreException("the in-memory store is closed");
            }
            synchronized (entries) {
                entries.add(prepared);
            }
            counter.added(prepared);
        }

        @Override
        protected List<T> readNewest(int n) {
            synchronized (entries) {
                List<T> out = new ArrayList<>(Math.min(n, entries.size()));
                for (int i = entries.size() - 1; i >= 0 && out.size() < n; i--) {
                    out.add(entries.get(i));
                }
                return out;
            }
        }

        @Override
        public Stream<T> stream() {
            synchronized (entries) {
                return new ArrayList<>(entries).stream();
            }
        }

        @Override
        protected long erase(String sessionId) {
            List<T> removed = new ArrayList<>();
            synchronized (entries) {
                entries.removeIf(e -> {
                    boolean match = sessionId.equals(kind.sessionId(e));
                    if (match) {
                        removed.add(e);
                    }
                    return match;
                });
            }
            removed.forEach(counter::removed);
            return removed.size();
        }
    }

    final class Feedback extends ListStore<FeedbackEntry> implements FeedbackStore {
        Feedback(Clock clock) {
            super(EntryKind.FEEDBACK, clock);
        }
    }

    final class Chat extends ListStore<ChatEvent> implements ChatEventLog {
        Chat(Clock clock) {
            super(EntryKind.CHAT, clock);
        }
    }
}

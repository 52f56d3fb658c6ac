package com.landki.interview.store;

import com.landki.interview.store.internal.JsonlInterviewStore;
import com.landki.interview.store.internal.MemoryInterviewStore;
import com.landki.interview.store.internal.PostgresInterviewStore;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Feedback and chat-log storage of one server: {@link #feedback()}, {@link #chatLog()}, {@link #stats()} and
 * erasure by session id across both. Open one per process and share it; every method is thread-safe.
 *
 * <pre>{@code
 * try (InterviewStore store = InterviewStore.fromEnv()) {
 *     FeedbackEntry saved = store.feedback().append(
 *             FeedbackEntry.publicFeedback("sess_1", "Frage?", "Antwort", null, null, "203.0.113.0"));
 *     List<FeedbackEntry> latest = store.feedback().newest(50);
 * }
 * }</pre>
 *
 * <p>Three kinds: {@code jsonl} (the default: {@code feedback.jsonl} and {@code chat.jsonl} in
 * {@code INTERVIEW_LOG_DIR}, one process per directory), {@code postgres} (several server instances share one
 * database) and {@code memory} (tests and demos; nothing survives the process).
 */
public interface InterviewStore extends AutoCloseable {

    /**
     * Opens the store the configuration names: creates the log directory and takes its lock, or connects to
     * PostgreSQL and creates or migrates the schema.
     *
     * @param config what to open
     * @return the open store; close it on shutdown
     * @throws StoreLockedException another process uses the same JSONL files
     * @throws StoreException       the directory or database cannot be used; the message says why
     */
    static InterviewStore open(StoreConfig config) {
        switch (config.type()) {
            case StoreConfig.TYPE_MEMORY:
                return new MemoryInterviewStore(config.clock());
            case StoreConfig.TYPE_POSTGRES:
                return PostgresInterviewStore.open(config);
            default:
                return JsonlInterviewStore.open(config);
        }
    }

    /**
     * Opens the store that system properties and the environment describe; see {@link StoreConfig#from}.
     *
     * @return the open store; close it on shutdown
     */
    static InterviewStore fromEnv() {
        return open(StoreConfig.fromEnv());
    }

    /**
     * A new, empty store in memory.
     *
     * @return the store
     */
    static InterviewStore inMemory() {
        return new MemoryInterviewStore(Clock.systemUTC());
    }

    /**
     * A PostgreSQL store on a data source the caller owns (and closes): the schema is created or migrated now.
     *
     * @param dataSource a PostgreSQL data source; the caller closes it after the store
     * @return the open store
     */
    static InterviewStore postgres(DataSource dataSource) {
        return PostgresInterviewStore.open(dataSource, Clock.systemUTC());
    }

    /**
     * The feedback entries.
     *
     * @return the feedback store, the same object on every call
     */
    FeedbackStore feedback();

    /**
     * The chat events.
     *
     * @return the chat log, the same object on every call
     */
    ChatEventLog chatLog();

    /**
     * Current counters; see {@link StoreStats}.
     *
     * @return the counters
     */
    StoreStats stats();

    /**
     * Removes every feedback entry and chat event of this session id; returns how many were removed.
     *
     * @param sessionId the ChatKit session (or thread) id
     * @return the number of removed entries and events
     */
    default long eraseSession(String sessionId) {
        return feedback().eraseSession(sessionId) + chatLog().eraseSession(sessionId);
    }

    /**
     * A secret every server instance on this store agrees on, such as the key that signs the user-id cookie: the
     * first instance that asks stores {@code initial}'s value under {@code name}, every later call (in any
     * instance) gets that same value. Only a store shared between instances has one ({@code postgres}); the
     * others answer empty, and the caller keeps the secret itself (a file next to the logs).
     *
     * @param name    what the secret is for, e.g. {@code user-id-cookie}
     * @param initial makes the value when none is stored yet; called at most once per call
     * @return the stored value, or empty when this store is not shared
     * @throws StoreException the database could not be used
     */
    default Optional<byte[]> sharedSecret(String name, Supplier<byte[]> initial) {
        return Optional.empty();
    }

    /**
     * {@code jsonl}, {@code postgres} or {@code memory}, as {@code /health} reports it.
     *
     * @return the type
     */
    String type();

    /** Releases files, locks and connections. Appends after close fail with {@link StoreException}. */
    @Override
    void close();
}

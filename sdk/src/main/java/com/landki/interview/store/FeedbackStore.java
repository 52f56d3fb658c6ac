package com.landki.interview.store;

import java.io.OutputStream;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where feedback goes: public feedback and admin ratings. Implementations are thread-safe; an append that
 * returned is durable as the store promises (see {@link Durability}). Implement it to keep feedback elsewhere;
 * obtain the built-in ones from {@link InterviewStore#feedback()}.
 */
public interface FeedbackStore {

    /**
     * Validates and stores one entry and returns it as stored, with {@code id} ({@code fb_…}) and {@code ts}
     * filled in when they were null.
     *
     * @param entry the entry; {@code id} and {@code ts} may be {@code null}
     * @return the entry as stored
     * @throws InvalidEntryException a field is missing, too long or unstorable; nothing was written
     * @throws StoreException        the store could not write; the entry may not be stored
     */
    FeedbackEntry append(FeedbackEntry entry);

    /**
     * The newest {@code n} entries, newest first (fewer when the store holds fewer). {@code n} must be >= 0.
     *
     * @param n how many, at least 0
     * @return at most {@code n} entries
     */
    List<FeedbackEntry> newest(int n);

    /**
     * Every entry, oldest first, read lazily. The stream holds files or a database connection: close it
     * (try-with-resources).
     *
     * @return a stream over the entries
     */
    Stream<FeedbackEntry> stream();

    /**
     * Writes every entry, oldest first, to {@code out} entry by entry; does not close {@code out}.
     *
     * @param format JSONL or CSV
     * @param out where the entries are written
     */
    void export(ExportFormat format, OutputStream out);

    /**
     * Removes every entry of this session id and returns how many were removed.
     *
     * @param sessionId the ChatKit session (or thread) id
     * @return the number of removed entries
     */
    long eraseSession(String sessionId);
}

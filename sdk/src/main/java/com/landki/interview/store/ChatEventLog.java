package com.landki.interview.store;

import java.io.OutputStream;
import java.util.List;
import java.util.stream.Stream;

/**
 * The chat log: {@code session.created}, {@code session.failed} and {@code response.classified} events.
 * Same contract as {@link FeedbackStore}: thread-safe, durable on return, newest-first reads, streamed export,
 * erasure by session id. Obtain the built-in ones from {@link InterviewStore#chatLog()}.
 */
public interface ChatEventLog {

    /**
     * Validates and stores one event and returns it as stored, with {@code id} ({@code ev_…}) and {@code ts}
     * filled in when they were null.
     *
     * @param event the event; {@code id} and {@code ts} may be {@code null}
     * @return the event as stored
     * @throws InvalidEntryException a field is missing, too long or unstorable; nothing was written
     * @throws StoreException        the store could not write; the event may not be stored
     */
    ChatEvent append(ChatEvent event);

    /**
     * The newest {@code n} events, newest first. {@code n} must be >= 0.
     *
     * @param n how many, at least 0
     * @return at most {@code n} events
     */
    List<ChatEvent> newest(int n);

    /**
     * Every event, oldest first, read lazily; close the stream.
     *
     * @return a stream over the events
     */
    Stream<ChatEvent> stream();

    /**
     * Writes every event, oldest first, to {@code out}; does not close {@code out}.
     *
     * @param format JSONL or CSV
     * @param out where the events are written
     */
    void export(ExportFormat format, OutputStream out);

    /**
     * Removes every event of this session id and returns how many were removed.
     *
     * @param sessionId the ChatKit session (or thread) id
     * @return the number of removed events
     */
    long eraseSession(String sessionId);
}

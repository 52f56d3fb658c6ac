package com.landki.interview.chatkit.server.store;

import com.landki.interview.chatkit.Page;
import com.landki.interview.chatkit.server.types.ThreadItem;
import com.landki.interview.chatkit.server.types.ThreadMetadata;
import java.util.Optional;

/**
 * Where threads and their items live. Every call names the owning user: a thread is visible only to the user
 * who created it, and a thread of another user behaves exactly like one that does not exist (empty results,
 * {@code false}, or {@link com.landki.interview.chatkit.server.types.ChatKitException#notFound not found}).
 * Implementations are thread-safe; a write has reached the implementation's durable medium when it returns.
 */
public interface ThreadStore {

    /** Newest first. */
    String DESC = "desc";
    /** Oldest first. */
    String ASC = "asc";

    /**
     * Creates the thread for {@code userId} or updates it (title, status, metadata) if the user owns it.
     *
     * @param userId the owner; a thread another user owns is left alone
     * @param thread the thread; its id decides which thread is created or updated
     */
    void saveThread(String userId, ThreadMetadata thread);

    /**
     * The thread, if {@code userId} owns it.
     *
     * @param userId the owner
     * @param threadId the thread's id
     * @return the thread, or empty when there is none or another user owns it
     */
    Optional<ThreadMetadata> loadThread(String userId, String threadId);

    /**
     * The user's threads by creation time; {@code after} is the id of the last thread of the previous page.
     *
     * @param userId the owner
     * @param limit the most threads on the page, at least 1
     * @param after the last thread id of the previous page, or {@code null} for the first page
     * @param order {@link #DESC} (newest first) or {@link #ASC}
     * @return one page; {@link Page#hasMore()} tells whether another follows
     */
    Page<ThreadMetadata> listThreads(String userId, int limit, String after, String order);

    /**
     * Deletes the thread and its items; false if the user has no such thread.
     *
     * @param userId the owner
     * @param threadId the thread's id
     * @return {@code true} when the thread was deleted
     */
    boolean deleteThread(String userId, String threadId);

    /**
     * Appends {@code item}, or replaces the item with the same id in place.
     *
     * @param userId the owner; nothing is written if another user owns the thread
     * @param threadId the thread's id
     * @param item the item; its id decides append or replace
     */
    void saveItem(String userId, String threadId, ThreadItem item);

    /**
     * One item of a thread, if {@code userId} owns the thread.
     *
     * @param userId the owner
     * @param threadId the thread's id
     * @param itemId the item's id
     * @return the item, or empty when there is none or another user owns the thread
     */
    Optional<ThreadItem> loadItem(String userId, String threadId, String itemId);

    /**
     * The thread's items in insertion order ({@link #ASC}) or reversed ({@link #DESC}).
     *
     * @param userId the owner
     * @param threadId the thread's id
     * @param limit the most items on the page, at least 1
     * @param after the last item id of the previous page, or {@code null} for the first page
     * @param order {@link #ASC} or {@link #DESC}
     * @return one page of items; empty when the user owns no such thread
     */
    Page<ThreadItem> listItems(String userId, String threadId, int limit, String after, String order);

    /**
     * Removes one item; false if there was none.
     *
     * @param userId the owner
     * @param threadId the thread's id
     * @param itemId the item's id
     * @return {@code true} when an item was removed
     */
    boolean deleteItem(String userId, String threadId, String itemId);

    /**
     * Erasure for operators (privacy requests, {@code DELETE /admin/data?session_id=<thread id>}): deletes the
     * thread and its items whoever owns it. Never reachable from the protocol. False if there is no such thread.
     *
     * @param threadId the thread's id
     * @return {@code true} when a thread was erased
     */
    boolean eraseThread(String threadId);

    /**
     * Retention: erases every thread created before {@code cutoff}, whoever owns it; returns how many.
     *
     * @param cutoff threads created strictly before this instant are erased
     * @return the number of erased threads
     */
    int eraseThreadsCreatedBefore(java.time.Instant cutoff);

    /**
     * Retention: the ids of every thread created before {@code cutoff}, whoever owns it (what
     * {@link #eraseThreadsCreatedBefore} would erase now; the server erases their attachments with them).
     *
     * @param cutoff threads created strictly before this instant
     * @return their ids, in no particular order
     */
    java.util.List<String> threadIdsCreatedBefore(java.time.Instant cutoff);

    /**
     * An in-memory store (tests, single-instance demos); lost on restart.
     *
     * @return a new, empty store
     */
    static ThreadStore inMemory() {
        return new InMemoryThreadStore();
    }

    /**
     * The durable JSONL store in {@code dir} (e.g. {@code INTERVIEW_LOG_DIR}); close it on shutdown.
     *
     * @param dir the directory of the files, created if missing
     * @param durability whether a write is flushed to the OS or forced to disk before it returns
     * @return the open store
     */
    static JsonlThreadStore jsonl(java.nio.file.Path dir, com.landki.interview.store.Durability durability) {
        return JsonlThreadStore.open(dir, durability);
    }

    /**
     * The PostgreSQL store on a data source the caller owns; creates its tables now if missing.
     *
     * @param dataSource a PostgreSQL data source; the caller closes it after the store
     * @return the open store
     */
    static PostgresThreadStore postgres(javax.sql.DataSource dataSource) {
        return PostgresThreadStore.open(dataSource);
    }
}

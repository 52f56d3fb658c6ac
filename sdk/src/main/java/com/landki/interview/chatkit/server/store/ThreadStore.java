package com.landki.interview.chatkit.server.store;

import com.landki.interview.chatkit.server.types.Page;
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

    /** Creates the thread for {@code userId} or updates it (title, status, metadata) if the user owns it. */
    void saveThread(String userId, ThreadMetadata thread);

    Optional<ThreadMetadata> loadThread(String userId, String threadId);

    /** The user's threads by creation time; {@code after} is the id of the last thread of the previous page. */
    Page<ThreadMetadata> listThreads(String userId, int limit, String after, String order);

    /** Deletes the thread and its items; false if the user has no such thread. */
    boolean deleteThread(String userId, String threadId);

    /** Appends {@code item}, or replaces the item with the same id in place. */
    void saveItem(String userId, String threadId, ThreadItem item);

    Optional<ThreadItem> loadItem(String userId, String threadId, String itemId);

    /** The thread's items in insertion order ({@link #ASC}) or reversed ({@link #DESC}). */
    Page<ThreadItem> listItems(String userId, String threadId, int limit, String after, String order);

    /** Removes one item; false if there was none. */
    boolean deleteItem(String userId, String threadId, String itemId);

    /**
     * Erasure for operators (privacy requests, {@code DELETE /admin/data?session_id=<thread id>}): deletes the
     * thread and its items whoever owns it. Never reachable from the protocol. False if there is no such thread.
     */
    boolean eraseThread(String threadId);

    /** Retention: erases every thread created before {@code cutoff}, whoever owns it; returns how many. */
    int eraseThreadsCreatedBefore(java.time.Instant cutoff);

    /** An in-memory store (tests, single-instance demos); lost on restart. */
    static ThreadStore inMemory() {
        return new InMemoryThreadStore();
    }

    /** The durable JSONL store in {@code dir} (e.g. {@code INTERVIEW_LOG_DIR}); close it on shutdown. */
    static JsonlThreadStore jsonl(java.nio.file.Path dir, com.landki.interview.store.Durability durability) {
        return JsonlThreadStore.open(dir, durability);
    }

    /** The PostgreSQL store on a data source the caller owns; creates its tables now if missing. */
    static PostgresThreadStore postgres(javax.sql.DataSource dataSource) {
        return PostgresThreadStore.open(dataSource);
    }
}

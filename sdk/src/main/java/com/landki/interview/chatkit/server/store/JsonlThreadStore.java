package com.landki.interview.chatkit.server.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.landki.interview.chatkit.Page;
import com.landki.interview.chatkit.server.types.ChatKitException;
import com.landki.interview.chatkit.server.types.ThreadItem;
import com.landki.interview.chatkit.server.types.ThreadMetadata;
import com.landki.interview.chatkit.server.types.internal.ProtocolJson;
import com.landki.interview.store.Durability;
import com.landki.interview.store.internal.JsonlLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Threads and items as an append-only JSONL log ({@value #FILE_NAME} in the log directory), on the shared
 * {@link JsonlLog} of the stores: every change is one line ({@code thread}, {@code item}, {@code item.delete},
 * {@code thread.delete}), replayed into an in-memory index at open. A write has reached the operating system
 * (or the disk with {@link Durability#FSYNC}) when the call returns; a torn last line from a crash is cut at
 * open. Deleting a thread also erases every line of it from the files (privacy), not just hides it.
 *
 * <p>Thread-safe. Reads come from memory; writes are serialized so the index follows the file order. One
 * process per directory (a lock file refuses a second one). Close it on shutdown.
 */
public final class JsonlThreadStore implements ThreadStore, AutoCloseable {

    /** The log file's name in the directory. */
    public static final String FILE_NAME = "chatkit-threads.jsonl";

    static final String THREAD = "thread";
    static final String THREAD_DELETE = "thread.delete";
    static final String ITEM = "item";
    static final String ITEM_DELETE = "item.delete";

    /** One line of the log. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Change(String op, String user, String threadId, ThreadMetadata thread, ThreadItem item, String itemId) {
    }

    private final InMemoryThreadStore index = new InMemoryThreadStore();
    private final ReentrantLock writes = new ReentrantLock();
    private final JsonlLog<Change> log;
    private volatile boolean replaying = true;

    private JsonlThreadStore(Path dir, Durability durability) {
        JsonlLog.Listener<Change> replay = new JsonlLog.Listener<>() {
            @Override
            public void added(Change change) {
                if (replaying) {
                    apply(change);
                }
            }

            @Override
            public void removed(Change change) {
                // erasure only removes lines of threads the index already dropped
            }
        };
        this.log = JsonlLog.open(dir, FILE_NAME, new Codec(), JsonlLog.Options.of(durability), replay);
        this.replaying = false;
    }

    /**
     * Opens (creating if needed) the store in {@code dir}.
     *
     * @param dir the directory of the file, created if missing; one open store per directory
     * @param durability whether a write is flushed to the OS or forced to disk before it returns
     * @return the open store; close it on shutdown to release the directory lock
     * @throws com.landki.interview.store.StoreLockedException another store has the directory open
     * @throws com.landki.interview.store.StoreException       the directory is not usable
     */
    public static JsonlThreadStore open(Path dir, Durability durability) {
        return new JsonlThreadStore(Objects.requireNonNull(dir, "dir"), Objects.requireNonNull(durability, "durability"));
    }

    @Override
    public void saveThread(String userId, ThreadMetadata thread) {
        writes.lock();
        try {
            Optional<String> owner = index.ownerOf(thread.id());
            if (owner.isPresent() && !owner.get().equals(userId)) {
                throw ChatKitException.notFound("thread", thread.id());
            }
            log.append(new Change(THREAD, userId, thread.id(), thread, null, null));
            index.saveThread(userId, thread);
        } finally {
            writes.unlock();
        }
    }

    @Override
    public Optional<ThreadMetadata> loadThread(String userId, String threadId) {
        return index.loadThread(userId, threadId);
    }

    @Override
    public Page<ThreadMetadata> listThreads(String userId, int limit, String after, String order) {
        return index.listThreads(userId, limit, after, order);
    }

    @Override
    public boolean deleteThread(String userId, String threadId) {
        writes.lock();
        try {
            if (index.loadThread(userId, threadId).isEmpty()) {
                return false;
            }
            // the delete line makes the deletion durable at once; the erasure below then removes it with the rest
            log.append(new Change(THREAD_DELETE, userId, threadId, null, null, null));
            index.deleteThread(userId, threadId);
        } finally {
            writes.unlock();
        }
        log.removeIf(change -> threadId.equals(change.threadId()),
                ("\"thread_id\":\"" + threadId + "\"").getBytes(StandardCharsets.UTF_8));
        return true;
    }

    @Override
    public boolean eraseThread(String threadId) {
        Optional<String> owner = index.ownerOf(threadId);
        return owner.isPresent() && deleteThread(owner.get(), threadId);
    }

    @Override
    public java.util.List<String> threadIdsCreatedBefore(java.time.Instant cutoff) {
        return index.threadIdsCreatedBefore(cutoff);
    }

    @Override
    public int eraseThreadsCreatedBefore(java.time.Instant cutoff) {
        java.util.Set<String> erased = new java.util.HashSet<>();
        writes.lock();
        try {
            for (String threadId : index.threadsCreatedBefore(cutoff)) {
                Optional<String> owner = index.ownerOf(threadId);
                if (owner.isPresent()) {
                    log.append(new Change(THREAD_DELETE, owner.get(), threadId, null, null, null));
                    index.deleteThread(owner.get(), threadId);
                    erased.add(threadId);
                }
            }
        } finally {
            writes.unlock();
        }
        if (!erased.isEmpty()) {
            // one pass over the files for all of them
            log.removeIf(change -> erased.contains(change.threadId()), null);
        }
        return erased.size();
    }

    @Override
    public void saveItem(String userId, String threadId, ThreadItem item) {
        writes.lock();
        try {
            if (index.loadThread(userId, threadId).isEmpty()) {
                throw ChatKitException.notFound("thread", threadId);
            }
            log.append(new Change(ITEM, userId, threadId, null, item, null));
            index.saveItem(userId, threadId, item);
        } finally {
            writes.unlock();
        }
    }

    @Override
    public Optional<ThreadItem> loadItem(String userId, String threadId, String itemId) {
        return index.loadItem(userId, threadId, itemId);
    }

    @Override
    public Page<ThreadItem> listItems(String userId, String threadId, int limit, String after, String order) {
        return index.listItems(userId, threadId, limit, after, order);
    }

    @Override
    public boolean deleteItem(String userId, String threadId, String itemId) {
        writes.lock();
        try {
            if (index.loadItem(userId, threadId, itemId).isEmpty()) {
                return false;
            }
            log.append(new Change(ITEM_DELETE, userId, threadId, null, null, itemId));
            return index.deleteItem(userId, threadId, itemId);
        } finally {
            writes.unlock();
        }
    }

    /**
     * The log file.
     *
     * @return the path of the active JSONL file
     */
    public Path path() {
        return log.path();
    }

    @Override
    public void close() {
        log.close();
    }

    private void apply(Change change) {
        try {
            switch (change.op()) {
                case THREAD -> index.saveThread(change.user(), change.thread());
                case THREAD_DELETE -> index.deleteThread(change.user(), change.threadId());
                case ITEM -> index.saveItem(change.user(), change.threadId(), change.item());
                case ITEM_DELETE -> index.deleteItem(change.user(), change.threadId(), change.itemId());
                default -> throw new IllegalStateException("unknown change " + change.op() + " in " + FILE_NAME);
            }
        } catch (ChatKitException e) {
            // an item of a thread that an interrupted erasure already dropped: nothing to restore
        }
    }

    private static final class Codec implements JsonlLog.Codec<Change> {
        @Override
        public byte[] encode(Change value) {
            return ProtocolJson.write(value);
        }

        @Override
        public Change decode(byte[] buf, int off, int len) throws IOException {
            return ProtocolJson.mapper().readValue(buf, off, len, Change.class);
        }
    }
}

package com.landki.interview.chatkit.server.store;

import com.landki.interview.chatkit.Page;
import com.landki.interview.chatkit.server.types.ChatKitException;
import com.landki.interview.chatkit.server.types.ThreadItem;
import com.landki.interview.chatkit.server.types.ThreadMetadata;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Threads and items in memory. Thread-safe: the thread map is concurrent, each thread's items are guarded by
 * the thread's entry. Also the index behind {@link JsonlThreadStore}.
 */
class InMemoryThreadStore implements ThreadStore {

    private final Map<String, Entry> threads = new ConcurrentHashMap<>();
    /** Thread ids per owner, so listing costs the user's threads, not everyone's. */
    private final Map<String, Set<String>> byOwner = new ConcurrentHashMap<>();

    private static final class Entry {
        final String owner;
        volatile ThreadMetadata thread;
        final LinkedHashMap<String, ThreadItem> items = new LinkedHashMap<>();

        Entry(String owner, ThreadMetadata thread) {
            this.owner = owner;
            this.thread = thread;
        }
    }

    @Override
    public void saveThread(String userId, ThreadMetadata thread) {
        Entry created = new Entry(userId, thread);
        Entry existing = threads.putIfAbsent(thread.id(), created);
        if (existing == null) {
            byOwner.computeIfAbsent(userId, u -> ConcurrentHashMap.newKeySet()).add(thread.id());
        } else {
            if (!existing.owner.equals(userId)) {
                throw ChatKitException.notFound("thread", thread.id());
            }
            existing.thread = thread;
        }
    }

    @Override
    public Optional<ThreadMetadata> loadThread(String userId, String threadId) {
        return owned(userId, threadId).map(e -> e.thread);
    }

    @Override
    public Page<ThreadMetadata> listThreads(String userId, int limit, String after, String order) {
        Comparator<ThreadMetadata> byTime = Comparator.comparing(ThreadMetadata::createdAt)
                .thenComparing(ThreadMetadata::id);
        List<ThreadMetadata> mine = byOwner.getOrDefault(userId, Set.of()).stream().map(threads::get)
                .filter(e -> e != null && e.owner.equals(userId)).map(e -> e.thread)
                .sorted(DESC.equals(order) ? byTime.reversed() : byTime).toList();
        return page(mine, limit, after, ThreadMetadata::id);
    }

    @Override
    public boolean deleteThread(String userId, String threadId) {
        Entry entry = owned(userId, threadId).orElse(null);
        if (entry == null || !threads.remove(threadId, entry)) {
            return false;
        }
        Set<String> ids = byOwner.get(userId);
        if (ids != null) {
            ids.remove(threadId);
        }
        return true;
    }

    @Override
    public boolean eraseThread(String threadId) {
        Entry entry = threadId == null ? null : threads.get(threadId);
        return entry != null && deleteThread(entry.owner, threadId);
    }

    @Override
    public int eraseThreadsCreatedBefore(java.time.Instant cutoff) {
        int erased = 0;
        for (String id : threadsCreatedBefore(cutoff)) {
            if (eraseThread(id)) {
                erased++;
            }
        }
        return erased;
    }

    @Override
    public List<String> threadIdsCreatedBefore(java.time.Instant cutoff) {
        return threadsCreatedBefore(cutoff);
    }

    /** Ids of every thread created before {@code cutoff}. */
    protected List<String> threadsCreatedBefore(java.time.Instant cutoff) {
        return threads.values().stream().filter(e -> e.thread.createdAt().isBefore(cutoff)).map(e -> e.thread.id())
                .toList();
    }

    @Override
    public void saveItem(String userId, String threadId, ThreadItem item) {
        Entry entry = require(userId, threadId);
        synchronized (entry) {
            entry.items.put(item.id(), item);
        }
    }

    @Override
    public Optional<ThreadItem> loadItem(String userId, String threadId, String itemId) {
        return owned(userId, threadId).map(entry -> {
            synchronized (entry) {
                return entry.items.get(itemId);
            }
        });
    }

    @Override
    public Page<ThreadItem> listItems(String userId, String threadId, int limit, String after, String order) {
        Entry entry = owned(userId, threadId).orElse(null);
        if (entry == null) {
            return Page.empty();
        }
        List<ThreadItem> items;
        synchronized (entry) {
            items = new ArrayList<>(entry.items.values());
        }
        if (DESC.equals(order)) {
            java.util.Collections.reverse(items);
        }
        return page(items, limit, after, ThreadItem::id);
    }

    @Override
    public boolean deleteItem(String userId, String threadId, String itemId) {
        Entry entry = owned(userId, threadId).orElse(null);
        if (entry == null) {
            return false;
        }
        synchronized (entry) {
            return entry.items.remove(itemId) != null;
        }
    }

    /** The owner of {@code threadId}, whoever it is; for stores that replay a log. */
    protected Optional<String> ownerOf(String threadId) {
        Entry entry = threads.get(threadId);
        return entry == null ? Optional.empty() : Optional.of(entry.owner);
    }

    private Optional<Entry> owned(String userId, String threadId) {
        Entry entry = threadId == null ? null : threads.get(threadId);
        return entry != null && entry.owner.equals(userId) ? Optional.of(entry) : Optional.empty();
    }

    private Entry require(String userId, String threadId) {
        return owned(userId, threadId).orElseThrow(() -> ChatKitException.notFound("thread", threadId));
    }

    static <T> Page<T> page(List<T> all, int limit, String after, Function<T, String> id) {
        int start = 0;
        if (after != null) {
            for (int i = 0; i < all.size(); i++) {
                if (id.apply(all.get(i)).equals(after)) {
                    start = i + 1;
                    break;
                }
            }
        }
        int end = Math.min(all.size(), start + Math.max(1, limit));
        List<T> data = all.subList(start, end);
        boolean hasMore = end < all.size();
        return new Page<>(data, hasMore, hasMore && !data.isEmpty() ? id.apply(data.get(data.size() - 1)) : null);
    }
}

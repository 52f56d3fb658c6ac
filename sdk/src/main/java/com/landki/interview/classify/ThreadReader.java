package com.landki.interview.classify;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Reads what {@link ThreadClassifier} needs from a thread store: the thread's owner and its newest items.
 * {@link ChatKitThreadReader} reads OpenAI's ChatKit threads API; the own ChatKit server can implement it
 * over its store. Implementations must be thread-safe; failures (upstream errors, timeouts) complete the
 * futures exceptionally with the implementation's own exceptions, which {@link ThreadClassifier} passes on.
 */
public interface ThreadReader {

    /**
     * The user id the thread belongs to (ChatKit's thread {@code user}).
     *
     * @param threadId the ChatKit thread id
     * @return a future of the owner, or of an empty optional when no such thread exists
     */
    CompletableFuture<Optional<String>> ownerAsync(String threadId);

    /**
     * The thread's newest items.
     *
     * @param threadId the ChatKit thread id
     * @param limit at most this many items, 1..100
     * @return a future of the items, oldest first
     */
    CompletableFuture<List<ChatItem>> newestItemsAsync(String threadId, int limit);
}

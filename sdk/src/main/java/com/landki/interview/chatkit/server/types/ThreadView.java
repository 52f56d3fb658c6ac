package com.landki.interview.chatkit.server.types;

import com.landki.interview.chatkit.Page;
import java.time.Instant;

/**
 * A thread as the page sees it ({@code Thread} in the reference types): id, title, creation time, status and
 * one page of its items. Stored metadata is left out on purpose.
 */
public record ThreadView(String id, String title, Instant createdAt, ThreadStatus status, Page<ThreadItem> items) {

    /**
     * The page's view of {@code thread} with {@code items}.
     *
     * @param thread the thread
     * @param items the first page of its items
     * @return the view
     */
    public static ThreadView of(ThreadMetadata thread, Page<ThreadItem> items) {
        return new ThreadView(thread.id(), thread.title(), thread.createdAt(), thread.status(), items);
    }
}

package com.landki.interview.chatkit.server.types;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.landki.interview.chatkit.Page;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A thread as the page sees it ({@code Thread} in the reference types): id, title, creation time, status, the
 * image domains the page may load from, an empty {@code metadata} object and one page of its items. The stored
 * metadata is left out on purpose: chatkit-python's answers carry {@code "metadata": {}} too.
 *
 * @param id                  the thread id
 * @param title               the title, or {@code null} (left out of the JSON)
 * @param createdAt           when it was created
 * @param status              active, locked or closed
 * @param allowedImageDomains the domains the page may load images from, or {@code null} (left out)
 * @param items               one page of its items (an empty page where the reference sends one)
 */
public record ThreadView(String id, String title, Instant createdAt, ThreadStatus status,
                         List<String> allowedImageDomains, Page<ThreadItem> items) {

    /**
     * A view without image domains (kept for callers of the first form).
     *
     * @param id        the thread id
     * @param title     the title, or {@code null}
     * @param createdAt when it was created
     * @param status    the status
     * @param items     one page of its items
     */
    public ThreadView(String id, String title, Instant createdAt, ThreadStatus status, Page<ThreadItem> items) {
        this(id, title, createdAt, status, null, items);
    }

    /**
     * The page's view of {@code thread} with {@code items}.
     *
     * @param thread the thread
     * @param items the first page of its items
     * @return the view
     */
    public static ThreadView of(ThreadMetadata thread, Page<ThreadItem> items) {
        return new ThreadView(thread.id(), thread.title(), thread.createdAt(), thread.status(),
                thread.allowedImageDomains(), items);
    }

    /**
     * Always empty, as in chatkit-python's answers: the thread's own metadata is integration data.
     *
     * @return an empty map
     */
    @JsonProperty("metadata")
    public Map<String, Object> metadata() {
        return Map.of();
    }
}

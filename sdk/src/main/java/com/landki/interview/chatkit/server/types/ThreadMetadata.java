package com.landki.interview.chatkit.server.types;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A thread without its items, as it is stored. {@code metadata} is integration data that is never sent to
 * the page. Immutable; the {@code with…} methods return changed copies.
 */
public record ThreadMetadata(String id, String title, Instant createdAt, ThreadStatus status,
                             Map<String, Object> metadata) {

    /**
     * Fills in defaults: an active status, no metadata.
     *
     * @param id the thread id; not {@code null}
     * @param title the title, or {@code null}
     * @param createdAt when it was created; not {@code null}
     * @param status the status, or {@code null} for active
     * @param metadata free metadata, or {@code null}
     */
    public ThreadMetadata {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        status = status == null ? ThreadStatus.active() : status;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /**
     * A new active thread without title or metadata.
     *
     * @param id the thread id
     * @param createdAt when it was created
     * @return the thread
     */
    public static ThreadMetadata of(String id, Instant createdAt) {
        return new ThreadMetadata(id, null, createdAt, ThreadStatus.active(), Map.of());
    }

    /**
     * This thread with another title.
     *
     * @param newTitle the title, or {@code null}
     * @return a copy; this thread is unchanged
     */
    public ThreadMetadata withTitle(String newTitle) {
        return new ThreadMetadata(id, newTitle, createdAt, status, metadata);
    }
}

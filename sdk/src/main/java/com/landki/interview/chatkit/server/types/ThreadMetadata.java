package com.landki.interview.chatkit.server.types;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A thread without its items, as it is stored. {@code allowedImageDomains} (as in chatkit-python) is sent to the
 * page with every thread answer; {@code metadata} is integration data that is never sent to the page. Immutable;
 * the {@code with…} methods return changed copies.
 *
 * @param id                  the thread id
 * @param title               the title, or {@code null}
 * @param createdAt           when it was created
 * @param status              the status
 * @param allowedImageDomains the domains the page may load images of this thread from, or {@code null}
 * @param metadata            free metadata, stored but never sent
 */
public record ThreadMetadata(String id, String title, Instant createdAt, ThreadStatus status,
                             List<String> allowedImageDomains, Map<String, Object> metadata) {

    /**
     * Fills in defaults: an active status, no metadata.
     *
     * @param id the thread id; not {@code null}
     * @param title the title, or {@code null}
     * @param createdAt when it was created; not {@code null}
     * @param status the status, or {@code null} for active
     * @param allowedImageDomains image domains, or {@code null} for none named
     * @param metadata free metadata, or {@code null}
     */
    public ThreadMetadata {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        status = status == null ? ThreadStatus.active() : status;
        allowedImageDomains = allowedImageDomains == null ? null : List.copyOf(allowedImageDomains);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /**
     * A thread without image domains (the first form of this record).
     *
     * @param id the thread id; not {@code null}
     * @param title the title, or {@code null}
     * @param createdAt when it was created; not {@code null}
     * @param status the status, or {@code null} for active
     * @param metadata free metadata, or {@code null}
     */
    public ThreadMetadata(String id, String title, Instant createdAt, ThreadStatus status,
                          Map<String, Object> metadata) {
        this(id, title, createdAt, status, null, metadata);
    }

    /**
     * A new active thread without title or metadata.
     *
     * @param id the thread id
     * @param createdAt when it was created
     * @return the thread
     */
    public static ThreadMetadata of(String id, Instant createdAt) {
        return new ThreadMetadata(id, null, createdAt, ThreadStatus.active(), null, Map.of());
    }

    /**
     * This thread with another title.
     *
     * @param newTitle the title, or {@code null}
     * @return a copy; this thread is unchanged
     */
    public ThreadMetadata withTitle(String newTitle) {
        return new ThreadMetadata(id, newTitle, createdAt, status, allowedImageDomains, metadata);
    }

    /**
     * This thread with other image domains (sent to the page as {@code allowed_image_domains}).
     *
     * @param domains the domains, or {@code null} for none named
     * @return a copy; this thread is unchanged
     */
    public ThreadMetadata withAllowedImageDomains(List<String> domains) {
        return new ThreadMetadata(id, title, createdAt, status, domains, metadata);
    }

    /**
     * This thread with other metadata (stored, never sent to the page).
     *
     * @param newMetadata the metadata, or {@code null} for none
     * @return a copy; this thread is unchanged
     */
    public ThreadMetadata withMetadata(Map<String, Object> newMetadata) {
        return new ThreadMetadata(id, title, createdAt, status, allowedImageDomains, newMetadata);
    }
}

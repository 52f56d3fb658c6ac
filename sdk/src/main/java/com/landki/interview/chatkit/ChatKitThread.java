package com.landki.interview.chatkit;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A ChatKit thread ({@code GET /chatkit/threads/{id}} and list entries).
 *
 * @param id        {@code cthr_…}
 * @param object    always {@code chatkit.thread}
 * @param createdAt Unix seconds
 * @param title     the title, or {@code null} before one was generated
 * @param status    active, locked or closed (open-ended)
 * @param user      the end user owning the thread
 */
public record ChatKitThread(
        String id,
        String object,
        @JsonProperty("created_at") long createdAt,
        String title,
        Status status,
        String user) {

    /**
     * @param type   {@link #ACTIVE}, {@link #LOCKED}, {@link #CLOSED} or a value added later
     * @param reason why the thread was locked or closed, or {@code null}
     */
    public record Status(String type, String reason) {
        /** A thread that takes new messages. */
        public static final String ACTIVE = "active";
        /** A thread that shows its history but takes no new messages. */
        public static final String LOCKED = "locked";
        /** A thread that was closed. */
        public static final String CLOSED = "closed";
    }

    /**
     * The answer of {@code DELETE /chatkit/threads/{id}}.
     *
     * @param id      the deleted thread
     * @param object  always {@code chatkit.thread.deleted}
     * @param deleted whether it was deleted
     */
    public record Deleted(String id, String object, boolean deleted) {
    }
}

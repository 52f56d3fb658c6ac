package com.landki.interview.chatkit.server.types;

/** A thread's lifecycle state: {@code active}, {@code locked} or {@code closed}, with an optional reason. */
public record ThreadStatus(String type, String reason) {

    /** {@code type} of a thread that takes new messages. */
    public static final String ACTIVE = "active";
    /** {@code type} of a thread that takes no new messages. */
    public static final String LOCKED = "locked";
    /** {@code type} of a closed thread. */
    public static final String CLOSED = "closed";

    /**
     * The status of every new thread.
     *
     * @return an active status
     */
    public static ThreadStatus active() {
        return new ThreadStatus(ACTIVE, null);
    }
}

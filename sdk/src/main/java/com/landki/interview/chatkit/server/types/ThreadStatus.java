package com.landki.interview.chatkit.server.types;

/** A thread's lifecycle state: {@code active}, {@code locked} or {@code closed}, with an optional reason. */
public record ThreadStatus(String type, String reason) {

    public static final String ACTIVE = "active";
    public static final String LOCKED = "locked";
    public static final String CLOSED = "closed";

    /** The status of every new thread. */
    public static ThreadStatus active() {
        return new ThreadStatus(ACTIVE, null);
    }
}

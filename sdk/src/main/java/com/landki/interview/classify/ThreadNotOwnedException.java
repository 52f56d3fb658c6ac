package com.landki.interview.classify;

/**
 * The thread does not exist or belongs to another user. Both cases are one exception so a caller cannot
 * probe for other users' thread ids; the servlet answers 404. The message names the thread id only.
 */
public class ThreadNotOwnedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String threadId;

    /** For the thread with the given id. */
    public ThreadNotOwnedException(String threadId) {
        super("thread " + threadId + " not found for this user");
        this.threadId = threadId;
    }

    /** The thread id that was asked for. */
    public String threadId() {
        return threadId;
    }
}

package com.landki.interview.classify;

/**
 * The thread does not exist or belongs to another user. Both cases are one exception so a caller cannot
 * probe for other users' thread ids; the servlet answers 404. The message names the thread id only.
 */
public class ThreadNotOwnedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The thread id that was asked for. */
    private final String threadId;

    /**
     * For the thread with the given id.
     *
     * @param threadId the thread id that was asked for
     */
    public ThreadNotOwnedException(String threadId) {
        super("thread " + threadId + " not found for this user");
        this.threadId = threadId;
    }

    /**
     * The thread id that was asked for.
     *
     * @return the id
     */
    public String threadId() {
        return threadId;
    }
}

package com.landki.interview.store;

/**
 * The JSONL log directory is already in use: another process (or another store in this process) holds its
 * lock file. Two writers on the same files would interleave records, so the second one is refused.
 */
public final class StoreLockedException extends StoreException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message names the locked directory
     */
    public StoreLockedException(String message) {
        super(message);
    }
}

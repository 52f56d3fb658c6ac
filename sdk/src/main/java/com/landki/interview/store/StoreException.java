package com.landki.interview.store;

/**
 * A store could not do what was asked: an I/O error, a database error, a store that is closed. The message
 * says which file or table and what to check; the cause carries the original error.
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     */
    public StoreException(String message) {
        super(message);
    }

    /**
     * @param message what failed
     * @param cause the I/O or SQL exception
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

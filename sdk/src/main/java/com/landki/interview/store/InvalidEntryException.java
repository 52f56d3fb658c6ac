package com.landki.interview.store;

/**
 * An entry was refused before anything was written: a required field is missing, a field is too long or holds
 * characters no store can keep (NUL, a lone surrogate). {@link #field()} names the field by its wire name,
 * for example {@code session_id}, so an HTTP layer can answer {@code 400 validation_failed} naming it.
 */
public final class InvalidEntryException extends StoreException {

    private static final long serialVersionUID = 1L;

    /** The wire name of the offending field. */
    private final String field;

    /**
     * @param field the wire name of the offending field
     * @param message what is wrong, safe to show to the client
     */
    public InvalidEntryException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /**
     * The wire name of the offending field, for example {@code rating}.
     *
     * @return the field name
     */
    public String field() {
        return field;
    }
}

package com.landki.interview.chatkit.server.types;

import java.util.List;

/**
 * One page of a list answer ({@code threads.list}, {@code items.list}, a thread's items): {@code data},
 * {@code has_more} and the cursor {@code after} (the id of the last element, null on the last page).
 * Immutable.
 */
public record Page<T>(List<T> data, boolean hasMore, String after) {

    public Page {
        data = List.copyOf(data);
    }

    /** An empty last page. */
    public static <T> Page<T> empty() {
        return new Page<>(List.of(), false, null);
    }
}

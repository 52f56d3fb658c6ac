package com.landki.interview.chatkit;

import java.util.List;

/**
 * One page of a cursor-paged list. Ask for the next page with {@code ListOptions.builder().after(page.lastId())}
 * while {@link #hasMore()}.
 *
 * @param data    the entries of this page, in the requested order
 * @param firstId id of the first entry or {@code null}
 * @param lastId  id of the last entry or {@code null}
 * @param hasMore whether more entries follow
 * @param <T>     entry type
 */
public record Page<T>(List<T> data, String firstId, String lastId, boolean hasMore) {

    public Page {
        data = List.copyOf(data);
    }
}

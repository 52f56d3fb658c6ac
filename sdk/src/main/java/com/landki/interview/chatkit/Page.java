package com.landki.interview.chatkit;

import java.util.List;

/**
 * One page of a cursor-paged list, the one page type of the SDK: pages of the hosted ChatKit API
 * ({@link ChatKitClient#listThreads}, {@link ChatKitClient#listItems}) and of the own ChatKit server's protocol
 * and thread stores ({@code threads.list}, {@code items.list}). Ask for the next page with {@link #after()} as
 * the {@code after} cursor (e.g. {@code ListOptions.builder().after(page.after())}) while {@link #hasMore()}.
 * Immutable.
 *
 * @param data    the entries of this page, in the requested order
 * @param hasMore whether more entries follow
 * @param after   the cursor for the next page: the id of this page's last entry; {@code null} when the page
 *                is empty (the own server also leaves it {@code null} on the last page)
 * @param <T>     entry type
 */
public record Page<T>(List<T> data, boolean hasMore, String after) {

    /**
     * Copies the entries, so the page stays immutable.
     *
     * @param data the entries; not {@code null}
     * @param hasMore whether another page follows
     * @param after the cursor for the next page, or {@code null}
     */
    public Page {
        data = List.copyOf(data);
    }

    /**
     * An empty last page.
     *
     * @param <T> the entry type
     * @return an empty page with no next page
     */
    public static <T> Page<T> empty() {
        return new Page<>(List.of(), false, null);
    }
}

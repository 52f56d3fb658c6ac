package com.landki.interview.chatkit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Paging and filtering of the list calls. Every component is optional ({@code null}: OpenAI's default).
 *
 * @param user   only threads of this end user ({@link ChatKitClient#listThreads} only)
 * @param limit  entries per page, at least 1 (OpenAI's default 20)
 * @param order  {@link #ASC} or {@link #DESC} by creation time (default {@code desc})
 * @param after  cursor: entries after this id
 * @param before cursor: entries before this id
 */
public record ListOptions(String user, Integer limit, String order, String after, String before) {

    /** {@link #order()}: oldest first. */
    public static final String ASC = "asc";
    /** {@link #order()}: newest first. */
    public static final String DESC = "desc";

    private static final ListOptions DEFAULTS = new ListOptions(null, null, null, null, null);

    /**
     * Validates the values.
     *
     * @param user the end user, or {@code null}
     * @param limit at least 1, or {@code null}
     * @param order {@link #ASC}, {@link #DESC} or {@code null}
     * @param after a cursor id, or {@code null}
     * @param before a cursor id, or {@code null}
     * @throws IllegalArgumentException when {@code limit} or {@code order} is invalid
     */
    public ListOptions {
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        if (order != null && !ASC.equals(order) && !DESC.equals(order)) {
            throw new IllegalArgumentException("order must be 'asc' or 'desc', got '" + order + "'");
        }
    }

    /**
     * OpenAI's defaults: first page, 20 entries, newest first.
     *
     * @return the shared default options
     */
    public static ListOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A builder with every option unset.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    Map<String, String> query() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("user", user);
        q.put("limit", limit == null ? null : limit.toString());
        q.put("order", order);
        q.put("after", after);
        q.put("before", before);
        return q;
    }

    /** Builds {@link ListOptions}; not thread-safe. */
    public static final class Builder {
        private String user;
        private Integer limit;
        private String order;
        private String after;
        private String before;

        private Builder() {
        }

        /**
         * Only threads of this end user.
         *
         * @param user the user id, or {@code null}
         * @return this builder
         */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /**
         * Entries per page.
         *
         * @param limit at least 1
         * @return this builder
         */
        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        /**
         * {@code "asc"} or {@code "desc"}.
         *
         * @param order the order
         * @return this builder
         */
        public Builder order(String order) {
            this.order = order;
            return this;
        }

        /**
         * Cursor: entries after this id.
         *
         * @param after the id, or {@code null}
         * @return this builder
         */
        public Builder after(String after) {
            this.after = after;
            return this;
        }

        /**
         * Cursor: entries before this id.
         *
         * @param before the id, or {@code null}
         * @return this builder
         */
        public Builder before(String before) {
            this.before = before;
            return this;
        }

        /**
         * @return the options
         * @throws IllegalArgumentException when {@code limit} or {@code order} is invalid
         */
        public ListOptions build() {
            return new ListOptions(user, limit, order, after, before);
        }
    }
}

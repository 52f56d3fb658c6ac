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

    public static final String ASC = "asc";
    public static final String DESC = "desc";

    private static final ListOptions DEFAULTS = new ListOptions(null, null, null, null, null);

    public ListOptions {
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        if (order != null && !ASC.equals(order) && !DESC.equals(order)) {
            throw new IllegalArgumentException("order must be 'asc' or 'desc', got '" + order + "'");
        }
    }

    /** OpenAI's defaults: first page, 20 entries, newest first. */
    public static ListOptions defaults() {
        return DEFAULTS;
    }

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

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        /** {@code "asc"} or {@code "desc"}. */
        public Builder order(String order) {
            this.order = order;
            return this;
        }

        public Builder after(String after) {
            this.after = after;
            return this;
        }

        public Builder before(String before) {
            this.before = before;
            return this;
        }

        public ListOptions build() {
            return new ListOptions(user, limit, order, after, before);
        }
    }
}

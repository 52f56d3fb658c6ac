package com.landki.interview.chatkit.server.widgets;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A list of {@link ListViewItem}s, a widget root, as chatkit-python's {@code ListView} ({@code "type": "ListView"}).
 * Build one with {@link #builder()}.
 *
 * @param id the component's id, for updates; {@code null} for none
 * @param key the client's render key; {@code null} for none
 * @param limit how many items show before a "show more" control; {@code null} for unset
 * @param theme {@code light} or {@code dark} for this subtree; {@code null} for unset
 * @param children the children, in order (never {@code null})
 */
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
public record ListView(String id, String key, Integer limit, String theme,
                       List<ListViewItem> children) implements WidgetRoot {

    /** {@link #type()} of this component. */
    public static final String TYPE = "ListView";

    /**
     * Checks the required properties and copies the children (null: none).
     *
     * @param id see the record's description
     * @param key see the record's description
     * @param limit see the record's description
     * @param theme see the record's description
     * @param children see the record's description
     */
    public ListView {
        children = children == null ? List.of() : List.copyOf(children);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * A builder for a ListView.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A ListView with these children and nothing else set.
     *
     * @param children the children, in order
     * @return the component
     */
    public static ListView of(ListViewItem... children) {
        return builder().children(List.of(children)).build();
    }

    /** Builds a {@link ListView}; unset properties are left out of the JSON. Not thread-safe. */
    public static final class Builder {
        private String id;
        private String key;
        private Integer limit;
        private String theme;
        private final List<ListViewItem> children = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets the component's id, for updates; {@code null} for none.
         *
         * @param id the value, or {@code null} to unset
         * @return this builder
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * Sets the client's render key; {@code null} for none.
         *
         * @param key the value, or {@code null} to unset
         * @return this builder
         */
        public Builder key(String key) {
            this.key = key;
            return this;
        }

        /**
         * Sets how many items show before a "show more" control.
         *
         * @param limit the value, or {@code null} to unset
         * @return this builder
         */
        public Builder limit(Integer limit) {
            this.limit = limit;
            return this;
        }

        /**
         * Sets {@code light} or {@code dark} for this subtree.
         *
         * @param theme the value, or {@code null} to unset
         * @return this builder
         */
        public Builder theme(String theme) {
            this.theme = theme;
            return this;
        }

        /**
         * Appends a child.
         *
         * @param child the next child; not {@code null}
         * @return this builder
         */
        public Builder child(ListViewItem child) {
            children.add(Objects.requireNonNull(child, "child"));
            return this;
        }

        /**
         * Appends children.
         *
         * @param more the next children, in order; not {@code null}
         * @return this builder
         */
        public Builder children(List<? extends ListViewItem> more) {
            more.forEach(this::child);
            return this;
        }

        /**
         * The component.
         *
         * @return a new immutable ListView
         */
        public ListView build() {
            return new ListView(id, key, limit, theme, children);
        }
    }
}

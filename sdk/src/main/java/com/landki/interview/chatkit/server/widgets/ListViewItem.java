package com.landki.interview.chatkit.server.widgets;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One row of a {@link ListView}, as chatkit-python's {@code ListViewItem} ({@code "type": "ListViewItem"}).
 * Build one with {@link #builder()}.
 *
 * @param id the component's id, for updates; {@code null} for none
 * @param key the client's render key; {@code null} for none
 * @param onClickAction the action sent when the row is clicked; {@code null} for unset
 * @param gap the gap between the children: an {@link Integer} or {@link Double} (spacing units or px) or a CSS {@link String}; {@code null} for unset
 * @param align the cross-axis alignment of the children: {@code start}, {@code center}, {@code end}, {@code baseline} or {@code stretch}; {@code null} for unset
 * @param children the children, in order (never {@code null})
 */
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
public record ListViewItem(String id, String key, ActionConfig onClickAction, Object gap, String align,
                           List<WidgetComponent> children) implements WidgetComponent {

    /** {@link #type()} of this component. */
    public static final String TYPE = "ListViewItem";

    /**
     * Checks the required properties and copies the children (null: none).
     *
     * @param id see the record's description
     * @param key see the record's description
     * @param onClickAction see the record's description
     * @param gap see the record's description
     * @param align see the record's description
     * @param children see the record's description
     */
    public ListViewItem {
        children = children == null ? List.of() : List.copyOf(children);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * A builder for a ListViewItem.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A ListViewItem with these children and nothing else set.
     *
     * @param children the children, in order
     * @return the component
     */
    public static ListViewItem of(WidgetComponent... children) {
        return builder().children(List.of(children)).build();
    }

    /** Builds a {@link ListViewItem}; unset properties are left out of the JSON. Not thread-safe. */
    public static final class Builder {
        private String id;
        private String key;
        private ActionConfig onClickAction;
        private Object gap;
        private String align;
        private final List<WidgetComponent> children = new ArrayList<>();

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
         * Sets the action sent when the row is clicked.
         *
         * @param onClickAction the value, or {@code null} to unset
         * @return this builder
         */
        public Builder onClickAction(ActionConfig onClickAction) {
            this.onClickAction = onClickAction;
            return this;
        }

        /**
         * Sets the gap between the children, in spacing units (px for sizes).
         *
         * @param gap the amount
         * @return this builder
         */
        public Builder gap(int gap) {
            this.gap = gap;
            return this;
        }

        /**
         * Sets the gap between the children as a CSS value, e.g. {@code "12px"}.
         *
         * @param gap the CSS value, or {@code null} to unset
         * @return this builder
         */
        public Builder gap(String gap) {
            this.gap = gap;
            return this;
        }

        /**
         * Sets the cross-axis alignment of the children: {@code start}, {@code center}, {@code end}, {@code baseline} or {@code stretch}.
         *
         * @param align the value, or {@code null} to unset
         * @return this builder
         */
        public Builder align(String align) {
            this.align = align;
            return this;
        }

        /**
         * Appends a child.
         *
         * @param child the next child; not {@code null}
         * @return this builder
         */
        public Builder child(WidgetComponent child) {
            children.add(Objects.requireNonNull(child, "child"));
            return this;
        }

        /**
         * Appends children.
         *
         * @param more the next children, in order; not {@code null}
         * @return this builder
         */
        public Builder children(List<? extends WidgetComponent> more) {
            more.forEach(this::child);
            return this;
        }

        /**
         * The component.
         *
         * @return a new immutable ListViewItem
         */
        public ListViewItem build() {
            return new ListViewItem(id, key, onClickAction, gap, align, children);
        }
    }
}

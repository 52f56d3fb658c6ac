package com.landki.interview.chatkit.server.widgets;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A container card, the usual root of a widget, as chatkit-python's {@code Card} ({@code "type": "Card"}).
 * Build one with {@link #builder()}.
 *
 * @param id the component's id, for updates; {@code null} for none
 * @param key the client's render key; {@code null} for none
 * @param size the card's size: {@code sm}, {@code md}, {@code lg} or {@code full}; {@code null} for unset
 * @param padding the inner spacing: an {@link Integer} or {@link Double} (spacing units or px) or a CSS {@link String}; {@code null} for unset
 * @param background the background: a surface token ({@code surface}, {@code surface-secondary}, …), a primitive color or a CSS color; {@code null} for unset
 * @param collapsed whether the body is collapsed; {@code null} for unset
 * @param theme {@code light} or {@code dark} for this subtree; {@code null} for unset
 * @param children the children, in order (never {@code null})
 */
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
public record Card(String id, String key, String size, Object padding, String background, Boolean collapsed,
                   String theme, List<WidgetComponent> children) implements WidgetRoot {

    /** {@link #type()} of this component. */
    public static final String TYPE = "Card";

    /**
     * Checks the required properties and copies the children (null: none).
     *
     * @param id see the record's description
     * @param key see the record's description
     * @param size see the record's description
     * @param padding see the record's description
     * @param background see the record's description
     * @param collapsed see the record's description
     * @param theme see the record's description
     * @param children see the record's description
     */
    public Card {
        children = children == null ? List.of() : List.copyOf(children);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * A builder for a Card.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A Card with these children and nothing else set.
     *
     * @param children the children, in order
     * @return the component
     */
    public static Card of(WidgetComponent... children) {
        return builder().children(List.of(children)).build();
    }

    /** Builds a {@link Card}; unset properties are left out of the JSON. Not thread-safe. */
    public static final class Builder {
        private String id;
        private String key;
        private String size;
        private Object padding;
        private String background;
        private Boolean collapsed;
        private String theme;
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
         * Sets the card's size: {@code sm}, {@code md}, {@code lg} or {@code full}.
         *
         * @param size the value, or {@code null} to unset
         * @return this builder
         */
        public Builder size(String size) {
            this.size = size;
            return this;
        }

        /**
         * Sets the inner spacing, in spacing units (px for sizes).
         *
         * @param padding the amount
         * @return this builder
         */
        public Builder padding(int padding) {
            this.padding = padding;
            return this;
        }

        /**
         * Sets the inner spacing as a CSS value, e.g. {@code "12px"}.
         *
         * @param padding the CSS value, or {@code null} to unset
         * @return this builder
         */
        public Builder padding(String padding) {
            this.padding = padding;
            return this;
        }

        /**
         * Sets the background: a surface token ({@code surface}, {@code surface-secondary}, …), a primitive color or a CSS color.
         *
         * @param background the value, or {@code null} to unset
         * @return this builder
         */
        public Builder background(String background) {
            this.background = background;
            return this;
        }

        /**
         * Sets whether: whether the body is collapsed.
         *
         * @param collapsed true or false; {@code null} to unset
         * @return this builder
         */
        public Builder collapsed(Boolean collapsed) {
            this.collapsed = collapsed;
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
         * @return a new immutable Card
         */
        public Card build() {
            return new Card(id, key, size, padding, background, collapsed, theme, children);
        }
    }
}

package com.landki.interview.chatkit.server.widgets;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A horizontal box: its children side by side, as chatkit-python's {@code Row} ({@code "type": "Row"}).
 * Build one with {@link #builder()}.
 *
 * @param id the component's id, for updates; {@code null} for none
 * @param key the client's render key; {@code null} for none
 * @param gap the gap between the children: an {@link Integer} or {@link Double} (spacing units or px) or a CSS {@link String}; {@code null} for unset
 * @param align the cross-axis alignment: {@code start}, {@code center}, {@code end}, {@code baseline} or {@code stretch}; {@code null} for unset
 * @param justify the main-axis distribution: {@code start}, {@code center}, {@code end}, {@code between}, {@code around}, {@code evenly} or {@code stretch}; {@code null} for unset
 * @param wrap {@code nowrap}, {@code wrap} or {@code wrap-reverse}; {@code null} for unset
 * @param padding the inner spacing: an {@link Integer} or {@link Double} (spacing units or px) or a CSS {@link String}; {@code null} for unset
 * @param flex the flex factor (a number, or a CSS string): an {@link Integer} or {@link Double} (spacing units or px) or a CSS {@link String}; {@code null} for unset
 * @param background the background: a surface token, a primitive color or a CSS color; {@code null} for unset
 * @param children the children, in order (never {@code null})
 */
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
public record Row(String id, String key, Object gap, String align, String justify, String wrap, Object padding,
                  Object flex, String background, List<WidgetComponent> children) implements WidgetComponent {

    /** {@link #type()} of this component. */
    public static final String TYPE = "Row";

    /**
     * Checks the required properties and copies the children (null: none).
     *
     * @param id see the record's description
     * @param key see the record's description
     * @param gap see the record's description
     * @param align see the record's description
     * @param justify see the record's description
     * @param wrap see the record's description
     * @param padding see the record's description
     * @param flex see the record's description
     * @param background see the record's description
     * @param children see the record's description
     */
    public Row {
        children = children == null ? List.of() : List.copyOf(children);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * A builder for a Row.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A Row with these children and nothing else set.
     *
     * @param children the children, in order
     * @return the component
     */
    public static Row of(WidgetComponent... children) {
        return builder().children(List.of(children)).build();
    }

    /** Builds a {@link Row}; unset properties are left out of the JSON. Not thread-safe. */
    public static final class Builder {
        private String id;
        private String key;
        private Object gap;
        private String align;
        private String justify;
        private String wrap;
        private Object padding;
        private Object flex;
        private String background;
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
         * Sets the cross-axis alignment: {@code start}, {@code center}, {@code end}, {@code baseline} or {@code stretch}.
         *
         * @param align the value, or {@code null} to unset
         * @return this builder
         */
        public Builder align(String align) {
            this.align = align;
            return this;
        }

        /**
         * Sets the main-axis distribution: {@code start}, {@code center}, {@code end}, {@code between}, {@code around}, {@code evenly} or {@code stretch}.
         *
         * @param justify the value, or {@code null} to unset
         * @return this builder
         */
        public Builder justify(String justify) {
            this.justify = justify;
            return this;
        }

        /**
         * Sets {@code nowrap}, {@code wrap} or {@code wrap-reverse}.
         *
         * @param wrap the value, or {@code null} to unset
         * @return this builder
         */
        public Builder wrap(String wrap) {
            this.wrap = wrap;
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
         * Sets the flex factor (a number, or a CSS string), in spacing units (px for sizes).
         *
         * @param flex the amount
         * @return this builder
         */
        public Builder flex(int flex) {
            this.flex = flex;
            return this;
        }

        /**
         * Sets the flex factor (a number, or a CSS string) as a CSS value, e.g. {@code "12px"}.
         *
         * @param flex the CSS value, or {@code null} to unset
         * @return this builder
         */
        public Builder flex(String flex) {
            this.flex = flex;
            return this;
        }

        /**
         * Sets the background: a surface token, a primitive color or a CSS color.
         *
         * @param background the value, or {@code null} to unset
         * @return this builder
         */
        public Builder background(String background) {
            this.background = background;
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
         * @return a new immutable Row
         */
        public Row build() {
            return new Row(id, key, gap, align, justify, wrap, padding, flex, background, children);
        }
    }
}

package com.landki.interview.chatkit.server.widgets;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Flexible space that pushes its neighbours apart, as chatkit-python's {@code Spacer} ({@code "type": "Spacer"}).
 * Build one with {@link #builder()}.
 *
 * @param id the component's id, for updates; {@code null} for none
 * @param key the client's render key; {@code null} for none
 * @param minSize the least space it takes: an {@link Integer} or {@link Double} (spacing units or px) or a CSS {@link String}; {@code null} for unset
 */
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
public record Spacer(String id, String key, Object minSize) implements WidgetComponent {

    /** {@link #type()} of this component. */
    public static final String TYPE = "Spacer";

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * A builder for a Spacer.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Spacer}; unset properties are left out of the JSON. Not thread-safe. */
    public static final class Builder {
        private String id;
        private String key;
        private Object minSize;

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
         * Sets the least space it takes, in spacing units (px for sizes).
         *
         * @param minSize the amount
         * @return this builder
         */
        public Builder minSize(int minSize) {
            this.minSize = minSize;
            return this;
        }

        /**
         * Sets the least space it takes as a CSS value, e.g. {@code "12px"}.
         *
         * @param minSize the CSS value, or {@code null} to unset
         * @return this builder
         */
        public Builder minSize(String minSize) {
            this.minSize = minSize;
            return this;
        }

        /**
         * The component.
         *
         * @return a new immutable Spacer
         */
        public Spacer build() {
            return new Spacer(id, key, minSize);
        }
    }
}

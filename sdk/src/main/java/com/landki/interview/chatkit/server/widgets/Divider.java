package com.landki.interview.chatkit.server.widgets;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A line between sections, as chatkit-python's {@code Divider} ({@code "type": "Divider"}).
 * Build one with {@link #builder()}.
 *
 * @param id the component's id, for updates; {@code null} for none
 * @param key the client's render key; {@code null} for none
 * @param spacing the space above and below: an {@link Integer} or {@link Double} (spacing units or px) or a CSS {@link String}; {@code null} for unset
 * @param flush reaches the container's edges; {@code null} for unset
 */
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
public record Divider(String id, String key, Object spacing, Boolean flush) implements WidgetComponent {

    /** {@link #type()} of this component. */
    public static final String TYPE = "Divider";

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * A builder for a Divider.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Divider}; unset properties are left out of the JSON. Not thread-safe. */
    public static final class Builder {
        private String id;
        private String key;
        private Object spacing;
        private Boolean flush;

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
         * Sets the space above and below, in spacing units (px for sizes).
         *
         * @param spacing the amount
         * @return this builder
         */
        public Builder spacing(int spacing) {
            this.spacing = spacing;
            return this;
        }

        /**
         * Sets the space above and below as a CSS value, e.g. {@code "12px"}.
         *
         * @param spacing the CSS value, or {@code null} to unset
         * @return this builder
         */
        public Builder spacing(String spacing) {
            this.spacing = spacing;
            return this;
        }

        /**
         * Sets whether: reaches the container's edges.
         *
         * @param flush true or false; {@code null} to unset
         * @return this builder
         */
        public Builder flush(Boolean flush) {
            this.flush = flush;
            return this;
        }

        /**
         * The component.
         *
         * @return a new immutable Divider
         */
        public Divider build() {
            return new Divider(id, key, spacing, flush);
        }
    }
}

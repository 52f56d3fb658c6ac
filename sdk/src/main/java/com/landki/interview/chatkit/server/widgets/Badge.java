package com.landki.interview.chatkit.server.widgets;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Objects;

/**
 * A small label for a status or a category, as chatkit-python's {@code Badge} ({@code "type": "Badge"}).
 * Build one with {@link #builder(String)}.
 *
 * @param id the component's id, for updates; {@code null} for none
 * @param key the client's render key; {@code null} for none
 * @param label the badge's text; not {@code null}
 * @param color the color: {@code secondary}, {@code success}, {@code danger}, {@code warning}, {@code info} or {@code discovery}; {@code null} for unset
 * @param variant the style: {@code solid}, {@code soft} or {@code outline}; {@code null} for unset
 * @param size the size: {@code sm}, {@code md} or {@code lg}; {@code null} for unset
 * @param pill fully rounded; {@code null} for unset
 */
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
public record Badge(String id, String key, String label, String color, String variant, String size,
                    Boolean pill) implements WidgetComponent {

    /** {@link #type()} of this component. */
    public static final String TYPE = "Badge";

    /**
     * Checks the required properties.
     *
     * @param id see the record's description
     * @param key see the record's description
     * @param label see the record's description
     * @param color see the record's description
     * @param variant see the record's description
     * @param size see the record's description
     * @param pill see the record's description
     * @throws NullPointerException when {@code label} is null
     */
    public Badge {
        Objects.requireNonNull(label, "label");
    }

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * A builder for a Badge.
     *
     * @param label the badge's text; not {@code null}
     * @return a new builder
     */
    public static Builder builder(String label) {
        return new Builder(label);
    }

    /**
     * A Badge with nothing but {@code label} set.
     *
     * @param label the badge's text; not {@code null}
     * @return the component
     */
    public static Badge of(String label) {
        return builder(label).build();
    }

    /** Builds a {@link Badge}; unset properties are left out of the JSON. Not thread-safe. */
    public static final class Builder {
        private String id;
        private String key;
        private String label;
        private String color;
        private String variant;
        private String size;
        private Boolean pill;

        private Builder(String label) {
            this.label = Objects.requireNonNull(label, "label");
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
         * Sets the color: {@code secondary}, {@code success}, {@code danger}, {@code warning}, {@code info} or {@code discovery}.
         *
         * @param color the value, or {@code null} to unset
         * @return this builder
         */
        public Builder color(String color) {
            this.color = color;
            return this;
        }

        /**
         * Sets the style: {@code solid}, {@code soft} or {@code outline}.
         *
         * @param variant the value, or {@code null} to unset
         * @return this builder
         */
        public Builder variant(String variant) {
            this.variant = variant;
            return this;
        }

        /**
         * Sets the size: {@code sm}, {@code md} or {@code lg}.
         *
         * @param size the value, or {@code null} to unset
         * @return this builder
         */
        public Builder size(String size) {
            this.size = size;
            return this;
        }

        /**
         * Sets whether: fully rounded.
         *
         * @param pill true or false; {@code null} to unset
         * @return this builder
         */
        public Builder pill(Boolean pill) {
            this.pill = pill;
            return this;
        }

        /**
         * The component.
         *
         * @return a new immutable Badge
         */
        public Badge build() {
            return new Badge(id, key, label, color, variant, size, pill);
        }
    }
}

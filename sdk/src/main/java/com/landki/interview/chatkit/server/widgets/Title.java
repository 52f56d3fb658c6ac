package com.landki.interview.chatkit.server.widgets;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Objects;

/**
 * A headline, as chatkit-python's {@code Title} ({@code "type": "Title"}).
 * Build one with {@link #builder(String)}.
 *
 * @param id the component's id, for updates; {@code null} for none
 * @param key the client's render key; {@code null} for none
 * @param value the text; not {@code null}
 * @param color the color: a text color token ({@code prose}, {@code primary}, {@code emphasis}, {@code secondary}, {@code tertiary}, {@code success}, {@code warning}, {@code danger}), a primitive color such as {@code red-500}, or a CSS color; {@code null} for unset
 * @param weight the font weight: {@code normal}, {@code medium}, {@code semibold} or {@code bold}; {@code null} for unset
 * @param size the size: {@code sm}, {@code md}, {@code lg}, {@code xl}, {@code 2xl} … {@code 5xl}; {@code null} for unset
 * @param textAlign the alignment: {@code start}, {@code center} or {@code end}; {@code null} for unset
 */
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
public record Title(String id, String key, String value, String color, String weight, String size,
                    String textAlign) implements WidgetComponent {

    /** {@link #type()} of this component. */
    public static final String TYPE = "Title";

    /**
     * Checks the required properties.
     *
     * @param id see the record's description
     * @param key see the record's description
     * @param value see the record's description
     * @param color see the record's description
     * @param weight see the record's description
     * @param size see the record's description
     * @param textAlign see the record's description
     * @throws NullPointerException when {@code value} is null
     */
    public Title {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * A builder for a Title.
     *
     * @param value the text; not {@code null}
     * @return a new builder
     */
    public static Builder builder(String value) {
        return new Builder(value);
    }

    /**
     * A Title with nothing but {@code value} set.
     *
     * @param value the text; not {@code null}
     * @return the component
     */
    public static Title of(String value) {
        return builder(value).build();
    }

    /** Builds a {@link Title}; unset properties are left out of the JSON. Not thread-safe. */
    public static final class Builder {
        private String id;
        private String key;
        private String value;
        private String color;
        private String weight;
        private String size;
        private String textAlign;

        private Builder(String value) {
            this.value = Objects.requireNonNull(value, "value");
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
         * Sets the color: a text color token ({@code prose}, {@code primary}, {@code emphasis}, {@code secondary}, {@code tertiary}, {@code success}, {@code warning}, {@code danger}), a primitive color such as {@code red-500}, or a CSS color.
         *
         * @param color the value, or {@code null} to unset
         * @return this builder
         */
        public Builder color(String color) {
            this.color = color;
            return this;
        }

        /**
         * Sets the font weight: {@code normal}, {@code medium}, {@code semibold} or {@code bold}.
         *
         * @param weight the value, or {@code null} to unset
         * @return this builder
         */
        public Builder weight(String weight) {
            this.weight = weight;
            return this;
        }

        /**
         * Sets the size: {@code sm}, {@code md}, {@code lg}, {@code xl}, {@code 2xl} … {@code 5xl}.
         *
         * @param size the value, or {@code null} to unset
         * @return this builder
         */
        public Builder size(String size) {
            this.size = size;
            return this;
        }

        /**
         * Sets the alignment: {@code start}, {@code center} or {@code end}.
         *
         * @param textAlign the value, or {@code null} to unset
         * @return this builder
         */
        public Builder textAlign(String textAlign) {
            this.textAlign = textAlign;
            return this;
        }

        /**
         * The component.
         *
         * @return a new immutable Title
         */
        public Title build() {
            return new Title(id, key, value, color, weight, size, textAlign);
        }
    }
}

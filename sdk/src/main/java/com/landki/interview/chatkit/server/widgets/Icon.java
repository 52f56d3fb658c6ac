package com.landki.interview.chatkit.server.widgets;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Objects;

/**
 * A built-in icon, as chatkit-python's {@code Icon} ({@code "type": "Icon"}).
 * Build one with {@link #builder(String)}.
 *
 * @param id the component's id, for updates; {@code null} for none
 * @param key the client's render key; {@code null} for none
 * @param name the icon's name (chatkit-python's icon names, e.g. {@code check-circle}); not {@code null}
 * @param color the color: a text color token ({@code prose}, {@code primary}, {@code emphasis}, {@code secondary}, {@code tertiary}, {@code success}, {@code warning}, {@code danger}), a primitive color such as {@code red-500}, or a CSS color; {@code null} for unset
 * @param size the size: {@code xs}, {@code sm}, {@code md}, {@code lg}, {@code xl}, {@code 2xl} or {@code 3xl}; {@code null} for unset
 */
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
public record Icon(String id, String key, String name, String color, String size) implements WidgetComponent {

    /** {@link #type()} of this component. */
    public static final String TYPE = "Icon";

    /**
     * Checks the required properties.
     *
     * @param id see the record's description
     * @param key see the record's description
     * @param name see the record's description
     * @param color see the record's description
     * @param size see the record's description
     * @throws NullPointerException when {@code name} is null
     */
    public Icon {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * A builder for a Icon.
     *
     * @param name the icon's name (chatkit-python's icon names, e.g. {@code check-circle}); not {@code null}
     * @return a new builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * A Icon with nothing but {@code name} set.
     *
     * @param name the icon's name (chatkit-python's icon names, e.g. {@code check-circle}); not {@code null}
     * @return the component
     */
    public static Icon of(String name) {
        return builder(name).build();
    }

    /** Builds a {@link Icon}; unset properties are left out of the JSON. Not thread-safe. */
    public static final class Builder {
        private String id;
        private String key;
        private String name;
        private String color;
        private String size;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
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
         * Sets the size: {@code xs}, {@code sm}, {@code md}, {@code lg}, {@code xl}, {@code 2xl} or {@code 3xl}.
         *
         * @param size the value, or {@code null} to unset
         * @return this builder
         */
        public Builder size(String size) {
            this.size = size;
            return this;
        }

        /**
         * The component.
         *
         * @return a new immutable Icon
         */
        public Icon build() {
            return new Icon(id, key, name, color, size);
        }
    }
}

package com.landki.interview.chatkit.server.widgets;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Objects;

/**
 * Markdown text, as chatkit-python's {@code Markdown} ({@code "type": "Markdown"}).
 * Build one with {@link #builder(String)}.
 *
 * @param id the component's id, for updates; {@code null} for none
 * @param key the client's render key; {@code null} for none
 * @param value the Markdown source; not {@code null}
 * @param streaming whether the client animates appended text; {@code null} for unset
 */
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
public record Markdown(String id, String key, String value, Boolean streaming) implements WidgetComponent {

    /** {@link #type()} of this component. */
    public static final String TYPE = "Markdown";

    /**
     * Checks the required properties.
     *
     * @param id see the record's description
     * @param key see the record's description
     * @param value see the record's description
     * @param streaming see the record's description
     * @throws NullPointerException when {@code value} is null
     */
    public Markdown {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * A builder for a Markdown.
     *
     * @param value the Markdown source; not {@code null}
     * @return a new builder
     */
    public static Builder builder(String value) {
        return new Builder(value);
    }

    /**
     * A Markdown with nothing but {@code value} set.
     *
     * @param value the Markdown source; not {@code null}
     * @return the component
     */
    public static Markdown of(String value) {
        return builder(value).build();
    }

    /** Builds a {@link Markdown}; unset properties are left out of the JSON. Not thread-safe. */
    public static final class Builder {
        private String id;
        private String key;
        private String value;
        private Boolean streaming;

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
         * Sets whether: whether the client animates appended text.
         *
         * @param streaming true or false; {@code null} to unset
         * @return this builder
         */
        public Builder streaming(Boolean streaming) {
            this.streaming = streaming;
            return this;
        }

        /**
         * The component.
         *
         * @return a new immutable Markdown
         */
        public Markdown build() {
            return new Markdown(id, key, value, streaming);
        }
    }
}

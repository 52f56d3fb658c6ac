package com.landki.interview.chatkit.server.widgets;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Objects;

/**
 * A button; its action comes back to the server as {@code threads.custom_action}, as chatkit-python's {@code Button} ({@code "type": "Button"}).
 * Build one with {@link #builder(String)}.
 *
 * @param id the component's id, for updates; {@code null} for none
 * @param key the client's render key; {@code null} for none
 * @param label the button's text; not {@code null}
 * @param onClickAction the action sent on click; {@code null} for unset
 * @param style the preset style: {@code primary} or {@code secondary}; {@code null} for unset
 * @param color the color: {@code primary}, {@code secondary}, {@code info}, {@code discovery}, {@code success}, {@code caution}, {@code warning} or {@code danger}; {@code null} for unset
 * @param variant the variant: {@code solid}, {@code soft}, {@code outline} or {@code ghost}; {@code null} for unset
 * @param size the size: {@code 3xs} … {@code md} … {@code 3xl}; {@code null} for unset
 * @param iconStart the name of an icon shown before the label (chatkit-python's icon names); {@code null} for unset
 * @param iconEnd the name of an icon shown after the label; {@code null} for unset
 * @param pill fully rounded; {@code null} for unset
 * @param block full width; {@code null} for unset
 * @param disabled disabled; {@code null} for unset
 * @param submit submits the enclosing form; {@code null} for unset
 */
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
public record Button(String id, String key, String label, ActionConfig onClickAction, String style, String color,
                     String variant, String size, String iconStart, String iconEnd, Boolean pill, Boolean block,
                     Boolean disabled, Boolean submit) implements WidgetComponent {

    /** {@link #type()} of this component. */
    public static final String TYPE = "Button";

    /**
     * Checks the required properties.
     *
     * @param id see the record's description
     * @param key see the record's description
     * @param label see the record's description
     * @param onClickAction see the record's description
     * @param style see the record's description
     * @param color see the record's description
     * @param variant see the record's description
     * @param size see the record's description
     * @param iconStart see the record's description
     * @param iconEnd see the record's description
     * @param pill see the record's description
     * @param block see the record's description
     * @param disabled see the record's description
     * @param submit see the record's description
     * @throws NullPointerException when {@code label} is null
     */
    public Button {
        Objects.requireNonNull(label, "label");
    }

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * A builder for a Button.
     *
     * @param label the button's text; not {@code null}
     * @return a new builder
     */
    public static Builder builder(String label) {
        return new Builder(label);
    }

    /**
     * A Button with nothing but {@code label} set.
     *
     * @param label the button's text; not {@code null}
     * @return the component
     */
    public static Button of(String label) {
        return builder(label).build();
    }

    /** Builds a {@link Button}; unset properties are left out of the JSON. Not thread-safe. */
    public static final class Builder {
        private String id;
        private String key;
        private String label;
        private ActionConfig onClickAction;
        private String style;
        private String color;
        private String variant;
        private String size;
        private String iconStart;
        private String iconEnd;
        private Boolean pill;
        private Boolean block;
        private Boolean disabled;
        private Boolean submit;

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
         * Sets the action sent on click.
         *
         * @param onClickAction the value, or {@code null} to unset
         * @return this builder
         */
        public Builder onClickAction(ActionConfig onClickAction) {
            this.onClickAction = onClickAction;
            return this;
        }

        /**
         * Sets the preset style: {@code primary} or {@code secondary}.
         *
         * @param style the value, or {@code null} to unset
         * @return this builder
         */
        public Builder style(String style) {
            this.style = style;
            return this;
        }

        /**
         * Sets the color: {@code primary}, {@code secondary}, {@code info}, {@code discovery}, {@code success}, {@code caution}, {@code warning} or {@code danger}.
         *
         * @param color the value, or {@code null} to unset
         * @return this builder
         */
        public Builder color(String color) {
            this.color = color;
            return this;
        }

        /**
         * Sets the variant: {@code solid}, {@code soft}, {@code outline} or {@code ghost}.
         *
         * @param variant the value, or {@code null} to unset
         * @return this builder
         */
        public Builder variant(String variant) {
            this.variant = variant;
            return this;
        }

        /**
         * Sets the size: {@code 3xs} … {@code md} … {@code 3xl}.
         *
         * @param size the value, or {@code null} to unset
         * @return this builder
         */
        public Builder size(String size) {
            this.size = size;
            return this;
        }

        /**
         * Sets the name of an icon shown before the label (chatkit-python's icon names).
         *
         * @param iconStart the value, or {@code null} to unset
         * @return this builder
         */
        public Builder iconStart(String iconStart) {
            this.iconStart = iconStart;
            return this;
        }

        /**
         * Sets the name of an icon shown after the label.
         *
         * @param iconEnd the value, or {@code null} to unset
         * @return this builder
         */
        public Builder iconEnd(String iconEnd) {
            this.iconEnd = iconEnd;
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
         * Sets whether: full width.
         *
         * @param block true or false; {@code null} to unset
         * @return this builder
         */
        public Builder block(Boolean block) {
            this.block = block;
            return this;
        }

        /**
         * Sets whether: disabled.
         *
         * @param disabled true or false; {@code null} to unset
         * @return this builder
         */
        public Builder disabled(Boolean disabled) {
            this.disabled = disabled;
            return this;
        }

        /**
         * Sets whether: submits the enclosing form.
         *
         * @param submit true or false; {@code null} to unset
         * @return this builder
         */
        public Builder submit(Boolean submit) {
            this.submit = submit;
            return this;
        }

        /**
         * The component.
         *
         * @return a new immutable Button
         */
        public Button build() {
            return new Button(id, key, label, onClickAction, style, color, variant, size, iconStart, iconEnd, pill, block, disabled, submit);
        }
    }
}

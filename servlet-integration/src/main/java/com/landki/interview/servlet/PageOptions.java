package com.landki.interview.servlet;

import com.landki.interview.config.ChatUi;
import com.landki.interview.config.ConfigSource;
import com.landki.interview.config.Settings;
import java.util.List;
import java.util.Objects;

/**
 * What {@code GET /config} tells the chat page: greeting, start-screen prompts, composer placeholder, which chat
 * UI to show, the accepted feedback categories and the ChatKit domain key. Immutable and thread-safe.
 */
public final class PageOptions {

    private static final PageOptions DEFAULTS = new Builder().build();

    /** A start-screen prompt button: what it shows and what it sends. */
    public record Prompt(String label, String prompt) {

        /**
         * @param label the button's text; not {@code null}
         * @param prompt the message it sends; not {@code null}
         */
        public Prompt {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(prompt, "prompt");
        }

        /**
         * {@code Label|Prompt text}; without {@code |} the text is also the label.
         *
         * @param text the entry
         * @return the prompt
         */
        public static Prompt parse(String text) {
            int bar = text.indexOf('|');
            String label = (bar < 0 ? text : text.substring(0, bar)).trim();
            String prompt = (bar < 0 ? text : text.substring(bar + 1)).trim();
            return new Prompt(label, prompt);
        }
    }

    private final String greeting;
    private final List<Prompt> prompts;
    private final String composerPlaceholder;
    private final ChatUi chatUi;
    private final List<String> feedbackCategories;
    private final String domainPublicKey;

    private PageOptions(Builder b) {
        greeting = b.greeting;
        prompts = List.copyOf(b.prompts);
        composerPlaceholder = b.composerPlaceholder;
        chatUi = b.chatUi;
        feedbackCategories = List.copyOf(b.feedbackCategories);
        domainPublicKey = b.domainPublicKey;
    }

    /**
     * The German greeting, prompts and placeholder of the configuration table, all feedback categories.
     *
     * @return the shared default options
     */
    public static PageOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A builder with the {@link #defaults()}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder preset with these options.
     *
     * @return a new builder; changing it leaves these options as they are
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Reads {@code INTERVIEW_GREETING}, {@code INTERVIEW_PROMPTS}, {@code INTERVIEW_COMPOSER_PLACEHOLDER},
     * {@code CHATKIT_UI}, {@code FEEDBACK_CATEGORIES} and {@code OPENAI_DOMAIN_PUBLIC_KEY}; an invalid value fails naming the setting.
     *
     * @param source where the settings are read
     * @return the options
     */
    public static PageOptions from(ConfigSource source) {
        Builder b = builder();
        Settings.INTERVIEW_GREETING.ifSet(source, b::greeting);
        Settings.INTERVIEW_PROMPTS.ifSet(source, parts -> b.prompts(parts.stream().map(Prompt::parse).toList()));
        Settings.INTERVIEW_COMPOSER_PLACEHOLDER.ifSet(source, b::composerPlaceholder);
        Settings.CHATKIT_UI.ifSet(source, b::chatUi);
        Settings.FEEDBACK_CATEGORIES.ifSet(source, b::feedbackCategories);
        Settings.OPENAI_DOMAIN_PUBLIC_KEY.ifSet(source, b::domainPublicKey);
        return b.build();
    }

    /**
     * The start-screen greeting ({@code INTERVIEW_GREETING}).
     *
     * @return the text
     */
    public String greeting() {
        return greeting;
    }

    /**
     * The start-screen prompt buttons ({@code INTERVIEW_PROMPTS}).
     *
     * @return an immutable list
     */
    public List<Prompt> prompts() {
        return prompts;
    }

    /**
     * The placeholder of the input field ({@code INTERVIEW_COMPOSER_PLACEHOLDER}).
     *
     * @return the text
     */
    public String composerPlaceholder() {
        return composerPlaceholder;
    }

    /**
     * Which chat UI the page shows ({@code CHATKIT_UI}, {@code /config} {@code ui}).
     *
     * @return the UI
     */
    public ChatUi chatUi() {
        return chatUi;
    }

    /**
     * Accepted {@code category} values of {@code POST /feedback}.
     *
     * @return an immutable list
     */
    public List<String> feedbackCategories() {
        return feedbackCategories;
    }

    /**
     * The ChatKit domain allowlist key handed to the page, or {@code null}.
     *
     * @return the key, or {@code null}
     */
    public String domainPublicKey() {
        return domainPublicKey;
    }

    @Override
    public String toString() {
        return "PageOptions[greeting=" + greeting + ", prompts=" + prompts.size() + ", chatUi=" + chatUi.id() + ", feedbackCategories="
                + feedbackCategories + ", domainPublicKey=" + (domainPublicKey != null) + "]";
    }

    /** Collects page settings; each setter validates. Not thread-safe. */
    public static final class Builder {

        private String greeting = Settings.INTERVIEW_GREETING.defaultValue();
        private List<Prompt> prompts = Settings.INTERVIEW_PROMPTS.defaultValue().stream().map(Prompt::parse).toList();
        private String composerPlaceholder = Settings.INTERVIEW_COMPOSER_PLACEHOLDER.defaultValue();
        private ChatUi chatUi = Settings.CHATKIT_UI.defaultValue();
        private List<String> feedbackCategories = Settings.FEEDBACK_CATEGORIES.defaultValue();
        private String domainPublicKey;

        private Builder() {
        }

        private Builder(PageOptions o) {
            greeting = o.greeting;
            prompts = o.prompts;
            composerPlaceholder = o.composerPlaceholder;
            chatUi = o.chatUi;
            feedbackCategories = o.feedbackCategories;
            domainPublicKey = o.domainPublicKey;
        }

        /**
         * The start-screen greeting.
         *
         * @param greeting not {@code null}
         * @return this builder
         */
        public Builder greeting(String greeting) {
            this.greeting = Objects.requireNonNull(greeting, "greeting");
            return this;
        }

        /**
         * The start-screen prompt buttons, in order.
         *
         * @param prompts the prompts; copied
         * @return this builder
         */
        public Builder prompts(List<Prompt> prompts) {
            this.prompts = List.copyOf(prompts);
            return this;
        }

        /**
         * The placeholder of the input field.
         *
         * @param placeholder not {@code null}
         * @return this builder
         */
        public Builder composerPlaceholder(String placeholder) {
            this.composerPlaceholder = Objects.requireNonNull(placeholder, "composerPlaceholder");
            return this;
        }

        /**
         * Which chat UI the page shows; default {@link ChatUi#AUTO}.
         *
         * @param ui not {@code null}
         * @return this builder
         */
        public Builder chatUi(ChatUi ui) {
            this.chatUi = Objects.requireNonNull(ui, "chatUi");
            return this;
        }

        /**
         * Accepted {@code category} values of {@code POST /feedback}: 1..40 of {@code [a-z0-9_]}, at least one.
         *
         * @param categories the categories; copied
         * @return this builder
         * @throws IllegalArgumentException when empty or a category does not match
         */
        public Builder feedbackCategories(List<String> categories) {
            if (categories.isEmpty()) {
                throw new IllegalArgumentException("feedbackCategories must not be empty");
            }
            for (String category : categories) {
                if (!category.matches("[a-z0-9_]{1,40}")) {
                    throw new IllegalArgumentException("feedback category must be 1..40 of [a-z0-9_], was '"
                            + category + "'");
                }
            }
            this.feedbackCategories = List.copyOf(categories);
            return this;
        }

        /**
         * The domain allowlist key handed to the page by {@code /config}; blank: none.
         *
         * @param key the key, or {@code null}
         * @return this builder
         */
        public Builder domainPublicKey(String key) {
            this.domainPublicKey = key == null || key.isBlank() ? null : key.trim();
            return this;
        }

        /**
         * @return the immutable options
         */
        public PageOptions build() {
            return new PageOptions(this);
        }
    }
}

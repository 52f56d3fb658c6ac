package com.landki.interview.config;

import java.util.Locale;

/** Which backend serves the chat ({@code CHATKIT_BACKEND}). */
public enum ChatBackend {
    /** OpenAI's hosted ChatKit with an Agent Builder workflow: the API mints ChatKit sessions. */
    HOSTED,
    /** The own ChatKit server with the Responses agent, mounted at {@code <mount>/chatkit}. */
    SERVER,
    /** {@link #HOSTED} when a workflow id is configured, else {@link #SERVER}. */
    AUTO;

    /**
     * The configured word: {@code hosted}, {@code server} or {@code auto}.
     *
     * @return the word
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The one rule for {@code auto}: {@link #HOSTED} when a workflow id is configured (the ChatKit client's
     * default workflow, {@code OPENAI_WORKFLOW_ID}), else {@link #SERVER}. Other values stay as they are.
     *
     * @param workflowConfigured whether a workflow id is configured
     * @return {@link #HOSTED} or {@link #SERVER}
     */
    public ChatBackend resolve(boolean workflowConfigured) {
        if (this != AUTO) {
            return this;
        }
        return workflowConfigured ? HOSTED : SERVER;
    }

    /**
     * {@code hosted}, {@code server} or {@code auto}, in any case.
     *
     * @param value the word
     * @return the backend
     * @throws IllegalArgumentException for any other word
     */
    public static ChatBackend parse(String value) {
        String word = value.strip().toLowerCase(Locale.ROOT);
        for (ChatBackend backend : values()) {
            if (backend.id().equals(word)) {
                return backend;
            }
        }
        throw new IllegalArgumentException("must be hosted, server or auto");
    }
}

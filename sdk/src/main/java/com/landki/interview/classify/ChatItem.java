package com.landki.interview.classify;

import java.util.Map;
import java.util.Objects;

/**
 * The little the classifier needs to know about one ChatKit thread item. Item types are strings (ChatKit
 * adds new ones); the constants name those the classifier looks at, any other type is carried and ignored.
 *
 * @param id            the item id, may be {@code null} for items built by hand
 * @param type          the ChatKit item type, e.g. {@value #ASSISTANT_MESSAGE}
 * @param text          the message text (the {@code output_text}/{@code input_text} parts joined), or
 *                      {@code null} for items that are no message
 * @param toolName      the tool name of a {@value #CLIENT_TOOL_CALL}, else {@code null}
 * @param toolArguments the raw JSON {@code arguments} of a client tool call, else {@code null}
 * @param metadata      the item's metadata as parsed JSON (nested maps, lists, strings, numbers,
 *                      booleans); empty when there is none
 */
public record ChatItem(String id, String type, String text, String toolName, String toolArguments,
                       Map<String, Object> metadata) {

    /** A message the user sent. */
    public static final String USER_MESSAGE = "chatkit.user_message";
    /** A message of the assistant. */
    public static final String ASSISTANT_MESSAGE = "chatkit.assistant_message";
    /** A tool call the workflow asks the page to run. */
    public static final String CLIENT_TOOL_CALL = "chatkit.client_tool_call";
    /** A widget shown in the thread. */
    public static final String WIDGET = "chatkit.widget";
    /** A task shown in the thread. */
    public static final String TASK = "chatkit.task";
    /** A group of tasks shown in the thread. */
    public static final String TASK_GROUP = "chatkit.task_group";

    /**
     * Validates {@code type}; a {@code null} metadata becomes an empty, immutable map.
     *
     * @param id the item id, or {@code null}
     * @param type the ChatKit item type; not {@code null}
     * @param text the message text, or {@code null}
     * @param toolName the client tool's name, or {@code null}
     * @param toolArguments the tool call's raw JSON arguments, or {@code null}
     * @param metadata the item's metadata, or {@code null} for none
     */
    public ChatItem {
        Objects.requireNonNull(type, "type");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /**
     * A user message with the given text.
     *
     * @param text the message text
     * @return the item, without an id
     */
    public static ChatItem userMessage(String text) {
        return new ChatItem(null, USER_MESSAGE, text, null, null, null);
    }

    /**
     * An assistant message with the given text.
     *
     * @param text the message text
     * @return the item, without an id
     */
    public static ChatItem assistantMessage(String text) {
        return new ChatItem(null, ASSISTANT_MESSAGE, text, null, null, null);
    }

    /**
     * An assistant message with the given text and metadata.
     *
     * @param text the message text
     * @param metadata the item's metadata, e.g. {@code out_of_scope}; {@code null} for none
     * @return the item, without an id
     */
    public static ChatItem assistantMessage(String text, Map<String, Object> metadata) {
        return new ChatItem(null, ASSISTANT_MESSAGE, text, null, null, metadata);
    }

    /**
     * A client tool call with the given name and raw JSON arguments.
     *
     * @param name the tool's name; not {@code null}
     * @param arguments the raw JSON arguments, or {@code null}
     * @return the item, without an id
     */
    public static ChatItem clientToolCall(String name, String arguments) {
        return new ChatItem(null, CLIENT_TOOL_CALL, null, Objects.requireNonNull(name, "name"), arguments, null);
    }

    /**
     * An item of any other type (widget, task, ...), carried without content.
     *
     * @param type the ChatKit item type; not {@code null}
     * @return the item, without an id
     */
    public static ChatItem of(String type) {
        return new ChatItem(null, type, null, null, null, null);
    }

    /**
     * A copy with the given id.
     *
     * @param newId the id of the copy
     * @return a new item; this one is unchanged
     */
    public ChatItem withId(String newId) {
        return new ChatItem(newId, type, text, toolName, toolArguments, metadata);
    }

    /**
     * Whether this is a {@value #USER_MESSAGE}.
     *
     * @return {@code true} for a user message
     */
    public boolean isUserMessage() {
        return USER_MESSAGE.equals(type);
    }

    /**
     * Whether this is an {@value #ASSISTANT_MESSAGE}.
     *
     * @return {@code true} for an assistant message
     */
    public boolean isAssistantMessage() {
        return ASSISTANT_MESSAGE.equals(type);
    }

    /**
     * Whether this is a {@value #CLIENT_TOOL_CALL}.
     *
     * @return {@code true} for a client tool call
     */
    public boolean isClientToolCall() {
        return CLIENT_TOOL_CALL.equals(type);
    }
}

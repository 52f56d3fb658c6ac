package com.landki.interview.chatkit.server.types;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * One entry of a thread: a user message, an assistant message, a client tool call, a widget, a request for
 * structured input, an end-of-turn
 * marker, hidden context, or an item of a type this server does not know ({@link RawItem}, kept as it came).
 * The JSON discriminator is {@code type}. All implementations are immutable records.
 */
@JsonPropertyOrder({"type"})
public sealed interface ThreadItem
        permits UserMessageItem, AssistantMessageItem, ClientToolCallItem, HiddenContextItem, WorkflowItem, WidgetItem,
                StructuredInputItem, RawItem {

    /** {@link #type()} of a {@link UserMessageItem}. */
    String USER_MESSAGE = "user_message";
    /** {@link #type()} of an {@link AssistantMessageItem}. */
    String ASSISTANT_MESSAGE = "assistant_message";
    /** {@link #type()} of a {@link ClientToolCallItem}. */
    String CLIENT_TOOL_CALL = "client_tool_call";
    /** {@link #type()} of a {@link WidgetItem}. */
    String WIDGET = "widget";
    /** {@link #type()} of a {@link StructuredInputItem}. */
    String STRUCTURED_INPUT = "structured_input";
    /** {@link #type()} of a task (kept as a {@link RawItem}). */
    String TASK = "task";
    /** {@link #type()} of a workflow (kept as a {@link RawItem}). */
    String WORKFLOW = "workflow";
    /** {@link #type()} of the marker that ends an assistant turn. */
    String END_OF_TURN = "end_of_turn";
    /** {@link #type()} of a {@link HiddenContextItem}. */
    String HIDDEN_CONTEXT = "hidden_context_item";
    /** {@link #type()} of hidden context written by the ChatKit SDK. */
    String SDK_HIDDEN_CONTEXT = "sdk_hidden_context";

    /**
     * The item id, unique in its thread.
     *
     * @return the id
     */
    String id();

    /**
     * The thread the item belongs to.
     *
     * @return the thread id
     */
    String threadId();

    /**
     * When the item was created.
     *
     * @return the instant
     */
    Instant createdAt();

    /**
     * The JSON discriminator.
     *
     * @return one of the constants above, or an unknown type of a {@link RawItem}
     */
    @JsonProperty("type")
    String type();

    /**
     * True for items that are kept for the model but never sent to the page.
     *
     * @return {@code true} for hidden items
     */
    default boolean hidden() {
        return false;
    }
}

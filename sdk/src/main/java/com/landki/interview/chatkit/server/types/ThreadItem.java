package com.landki.interview.chatkit.server.types;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * One entry of a thread: a user message, an assistant message, a client tool call, a widget, an end-of-turn
 * marker, hidden context, or an item of a type this server does not know ({@link RawItem}, kept as it came).
 * The JSON discriminator is {@code type}. All implementations are immutable records.
 */
@JsonPropertyOrder({"type"})
public sealed interface ThreadItem
        permits UserMessageItem, AssistantMessageItem, ClientToolCallItem, HiddenContextItem, WorkflowItem, RawItem {

    String USER_MESSAGE = "user_message";
    String ASSISTANT_MESSAGE = "assistant_message";
    String CLIENT_TOOL_CALL = "client_tool_call";
    String WIDGET = "widget";
    String TASK = "task";
    String WORKFLOW = "workflow";
    String END_OF_TURN = "end_of_turn";
    String HIDDEN_CONTEXT = "hidden_context_item";
    String SDK_HIDDEN_CONTEXT = "sdk_hidden_context";

    String id();

    String threadId();

    Instant createdAt();

    /** The JSON discriminator. */
    @JsonProperty("type")
    String type();

    /** True for items that are kept for the model but never sent to the page. */
    default boolean hidden() {
        return false;
    }
}

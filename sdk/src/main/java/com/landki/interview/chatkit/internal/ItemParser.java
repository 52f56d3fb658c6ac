package com.landki.interview.chatkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.landki.interview.chatkit.ThreadItem;
import com.landki.interview.chatkit.ThreadItem.AssistantMessage;
import com.landki.interview.chatkit.ThreadItem.ClientToolCall;
import com.landki.interview.chatkit.ThreadItem.Task;
import com.landki.interview.chatkit.ThreadItem.TaskGroup;
import com.landki.interview.chatkit.ThreadItem.UserMessage;
import com.landki.interview.chatkit.ThreadItem.Widget;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads thread items from JSON by hand, so a missing, null or oddly typed field degrades to {@code null} or an
 * empty list instead of failing the page, and unknown item types become {@link ThreadItem.Unknown}.
 */
public final class ItemParser {

    private static final String PREFIX = "chatkit.";

    private ItemParser() {
    }

    public static ThreadItem parse(JsonNode node) {
        String id = text(node, "id");
        String threadId = text(node, "thread_id");
        long createdAt = node.path("created_at").asLong(0);
        String type = text(node, "type");
        // older documentation examples show the type without the "chatkit." prefix
        String kind = type != null && type.startsWith(PREFIX) ? type.substring(PREFIX.length()) : String.valueOf(type);
        switch (kind) {
            case "user_message":
                return new UserMessage(id, threadId, createdAt,
                        list(node.get("content"), c -> new UserMessage.Content(text(c, "type"), text(c, "text"))),
                        list(node.get("attachments"), a -> new UserMessage.Attachment(text(a, "id"), text(a, "type"),
                                text(a, "name"), text(a, "mime_type"), text(a, "preview_url"))),
                        inferenceOptions(node.get("inference_options")));
            case "assistant_message":
                return new AssistantMessage(id, threadId, createdAt, list(node.get("content"),
                        c -> new AssistantMessage.OutputText(text(c, "type"), text(c, "text"),
                                list(c.get("annotations"), a -> new AssistantMessage.Annotation(text(a, "type"),
                                        text(a.path("source"), "filename"), text(a.path("source"), "url"))))));
            case "client_tool_call":
                return new ClientToolCall(id, threadId, createdAt, text(node, "name"), json(node, "arguments"),
                        text(node, "call_id"), json(node, "output"), text(node, "status"));
            case "widget":
                return new Widget(id, threadId, createdAt, json(node, "widget"));
            case "task":
                return new Task(id, threadId, createdAt, text(node, "heading"), text(node, "summary"),
                        text(node, "task_type"));
            case "task_group":
                return new TaskGroup(id, threadId, createdAt, list(node.get("tasks"),
                        t -> new TaskGroup.Entry(text(t, "type"), text(t, "heading"), text(t, "summary"))));
            default:
                return new ThreadItem.Unknown(id, threadId, createdAt, type, node.deepCopy());
        }
    }

    private static UserMessage.InferenceOptions inferenceOptions(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        return new UserMessage.InferenceOptions(text(node, "model"), text(node.path("tool_choice"), "id"));
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> mapper) {
        List<T> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode element : array) {
                if (element.isObject()) {
                    out.add(mapper.apply(element));
                }
            }
        }
        return out;
    }

    /** A text field; {@code null} when missing or null, numbers and booleans as their text. */
    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    /** A field holding JSON text; an object sent in place of a string is kept as its JSON text. */
    private static String json(JsonNode node, String field) {
        return text(node, field);
    }
}

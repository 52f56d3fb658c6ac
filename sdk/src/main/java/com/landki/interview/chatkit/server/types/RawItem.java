package com.landki.interview.chatkit.server.types;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * An item of any other type ({@code widget}, {@code task}, {@code workflow}, {@code end_of_turn},
 * {@code hidden_context_item} or one added to the protocol later), kept and sent back exactly as it came.
 */
public record RawItem(@JsonIgnore String id, @JsonIgnore String threadId, @JsonIgnore Instant createdAt,
                      @JsonIgnore String type, ObjectNode json) implements ThreadItem {

    /**
     * The item exactly as it came.
     *
     * @return the JSON object
     */
    @JsonValue
    public ObjectNode json() {
        return json;
    }

    @Override
    public boolean hidden() {
        return HIDDEN_CONTEXT.equals(type) || SDK_HIDDEN_CONTEXT.equals(type);
    }
}

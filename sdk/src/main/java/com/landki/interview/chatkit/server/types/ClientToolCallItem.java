package com.landki.interview.chatkit.server.types;

import java.time.Instant;
import java.util.Map;

/**
 * A tool call the page executes ({@code status} {@code pending} until {@code threads.add_client_tool_output}
 * delivers its {@code output}, then {@code completed}).
 */
public record ClientToolCallItem(String id, String threadId, Instant createdAt, String status, String callId,
                                 String name, Map<String, Object> arguments, Object output) implements ThreadItem {

    public static final String PENDING = "pending";
    public static final String COMPLETED = "completed";

    public ClientToolCallItem {
        status = status == null ? PENDING : status;
        arguments = arguments == null ? Map.of() : arguments;
    }

    @Override
    public String type() {
        return CLIENT_TOOL_CALL;
    }

    /** This call, completed with {@code result}. */
    public ClientToolCallItem complete(Object result) {
        return new ClientToolCallItem(id, threadId, createdAt, COMPLETED, callId, name, arguments, result);
    }
}

package com.landki.interview.chatkit.server.types;

import java.time.Instant;
import java.util.Map;

/**
 * A tool call the page executes ({@code status} {@code pending} until {@code threads.add_client_tool_output}
 * delivers its {@code output}, then {@code completed}).
 */
public record ClientToolCallItem(String id, String threadId, Instant createdAt, String status, String callId,
                                 String name, Map<String, Object> arguments, Object output) implements ThreadItem {

    /** {@link #status()} while the page runs the tool. */
    public static final String PENDING = "pending";
    /** {@link #status()} once the page sent the output. */
    public static final String COMPLETED = "completed";

    /**
     * Fills in defaults: status {@link #PENDING}, no arguments.
     *
     * @param id the item id
     * @param threadId the thread id
     * @param createdAt when it was created
     * @param status {@link #PENDING}, {@link #COMPLETED} or {@code null}
     * @param callId the call's id
     * @param name the tool's name
     * @param arguments the arguments, or {@code null}
     * @param output the tool's output, or {@code null} while pending
     */
    public ClientToolCallItem {
        status = status == null ? PENDING : status;
        arguments = arguments == null ? Map.of() : arguments;
    }

    @Override
    public String type() {
        return CLIENT_TOOL_CALL;
    }

    /**
     * This call, completed with {@code result}.
     *
     * @param result the tool's output
     * @return a completed copy; this item is unchanged
     */
    public ClientToolCallItem complete(Object result) {
        return new ClientToolCallItem(id, threadId, createdAt, COMPLETED, callId, name, arguments, result);
    }
}

package com.landki.interview.chatkit.server.types;

import java.time.Instant;

/**
 * Context kept in the thread for the model but never sent to the page ({@code sdk_hidden_context}, e.g. the
 * note that the user cancelled a stream).
 */
public record HiddenContextItem(String id, String threadId, Instant createdAt, String content) implements ThreadItem {

    @Override
    public String type() {
        return SDK_HIDDEN_CONTEXT;
    }

    @Override
    public boolean hidden() {
        return true;
    }
}

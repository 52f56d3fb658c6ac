package com.landki.interview.servlet.internal;

import com.landki.interview.store.ChatEvent;
import com.landki.interview.store.InterviewStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes chat-log events to the store without ever failing the request that caused them: a full disk
 * must not turn a minted session into an error. Thread-safe.
 */
public final class ChatEvents {

    private static final Logger LOG = LoggerFactory.getLogger("com.landki.interview.servlet.events");

    private final InterviewStore store;
    private final UserIdCookies hasher;

    public ChatEvents(InterviewStore store, UserIdCookies hasher) {
        this.store = store;
        this.hasher = hasher;
    }

    /** A builder for an event of {@code type} with the caller's hashed user id and stored IP filled in. */
    public ChatEvent.Builder event(String type, CallContext caller) {
        ChatEvent.Builder builder = ChatEvent.builder(type).ip(caller.storedIp());
        if (caller.userId() != null) {
            builder.userHash(hasher.hashForLog(caller.userId()));
        }
        return builder;
    }

    public void log(ChatEvent event) {
        try {
            store.chatLog().append(event);
        } catch (RuntimeException e) {
            LOG.warn("could not store chat event {}: {}", event.type(), e.toString());
        }
    }
}

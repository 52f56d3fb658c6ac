package com.landki.interview.servlet.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes chat-log events to the store without ever failing the request that caused them: a full disk
 * must not turn a minted session into an error. Thread-safe.
 */
public final class ChatEvents {

    private static final Logger LOG = LoggerFactory.getLogger("com.landki.interview.servlet.events");

    private final StorePort store;
    private final UserIdCookies hasher;

    public ChatEvents(StorePort store, UserIdCookies hasher) {
        this.store = store;
        this.hasher = hasher;
    }

    public void log(StorePort.ChatEventDraft event) {
        try {
            store.appendChatEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("could not store chat event {}: {}", event.type(), e.toString());
        }
    }

    public String hashUser(String userId) {
        return userId == null ? null : hasher.hashForLog(userId);
    }
}

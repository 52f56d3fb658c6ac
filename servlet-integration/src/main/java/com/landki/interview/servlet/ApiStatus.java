package com.landki.interview.servlet;

import com.landki.interview.config.ChatBackend;

/**
 * What a mounted API runs with, as decided once when it was mounted ({@link InterviewApi#mount},
 * {@link InterviewApi#status}): never a secret.
 *
 * @param mountPath      where it is mounted inside the web application
 * @param store          the store's type: {@code jsonl}, {@code postgres}, {@code memory} or the host's own
 * @param backend        {@link ChatBackend#HOSTED} or {@link ChatBackend#SERVER}: {@code auto} resolved
 * @param chatConfigured whether the page can chat (hosted: sessions can be minted; server: a server is mounted)
 * @param adminToken     whether admin endpoints take a bearer token (else direct loopback clients only)
 */
public record ApiStatus(String mountPath, String store, ChatBackend backend, boolean chatConfigured,
        boolean adminToken) {

    /**
     * One log line's worth: store, backend, chat and admin mode.
     *
     * @return e.g. {@code store=jsonl backend=server chat=configured admin=token}
     */
    public String describe() {
        return "store=" + store + ", backend=" + backend.id() + ", chat=" + (chatConfigured ? "configured"
                : "not configured") + ", admin=" + (adminToken ? "bearer token" : "loopback only (ADMIN_TOKEN unset)");
    }
}

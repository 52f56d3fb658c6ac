package com.landki.interview.servlet.internal;

import java.util.concurrent.CompletableFuture;

/**
 * What the session endpoint needs from the ChatKit client: mint one session for a user. Failures complete
 * the future with the SDK's {@code OpenAiException}s. Implementations are thread-safe.
 */
public interface SessionPort {

    CompletableFuture<Grant> createSession(String userId);

    /** A minted session as the page receives it, plus the upstream request id for the log. */
    record Grant(String clientSecret, long expiresAt, String sessionId, String requestId) {

        @Override
        public String toString() {
            return "Grant[sessionId=" + sessionId + ", expiresAt=" + expiresAt + ", clientSecret=***]";
        }
    }
}

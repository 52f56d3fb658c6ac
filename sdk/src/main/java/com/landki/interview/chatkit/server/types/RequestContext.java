package com.landki.interview.chatkit.server.types;

import java.util.Map;
import java.util.Objects;

/**
 * Who sends a request: the user id (resolved by the caller, e.g. from the signed user-id cookie) that scopes
 * every thread, and free attributes the integration wants to hand to its responder and listeners (client IP,
 * session id …). Immutable.
 */
public record RequestContext(String userId, Map<String, Object> attributes) {

    /** Attribute: the caller's client IP, already anonymized by the integration (stored with feedback). */
    public static final String IP = "ip";
    /**
     * Attribute: the caller's user id hashed for logs ({@code user_hash}) with a keyed hash, e.g.
     * {@link com.landki.interview.chatkit.server.setup.StoreHooks#keyedUserHash(byte[])}; the servlet API sets it to the hash of its own log lines.
     */
    public static final String USER_HASH = "user_hash";

    /**
     * Copies the attributes, so the value stays immutable.
     *
     * @param userId the caller's user id; not blank
     * @param attributes free attributes, or {@code null} for none
     * @throws IllegalArgumentException when {@code userId} is blank
     */
    public RequestContext {
        Objects.requireNonNull(userId, "userId");
        if (userId.isBlank()) {
            throw new IllegalArgumentException("userId must not be blank");
        }
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /**
     * A context for {@code userId} without attributes.
     *
     * @param userId the caller's user id; not blank
     * @return the context
     */
    public static RequestContext of(String userId) {
        return new RequestContext(userId, Map.of());
    }

    /**
     * The attribute {@code name} as a string, or null.
     *
     * @param name e.g. {@link #IP}
     * @return the value's text, or {@code null} when absent
     */
    public String attribute(String name) {
        Object value = attributes.get(name);
        return value == null ? null : value.toString();
    }
}

package com.landki.interview.servlet;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;

/**
 * Supplies the host application's own user id for a request (the ChatKit {@code user}, the owner of
 * threads). Answer {@code null} to fall back to the signed user-id cookie. Implementations must be
 * thread-safe and must not trust anything the browser can forge.
 */
@FunctionalInterface
public interface UserIdResolver {

    /**
     * The user id of {@code request}'s caller.
     *
     * @param request the request
     * @return the id, or {@code null} to use the signed cookie
     */
    String resolve(HttpServletRequest request);

    /**
     * Never resolves, so every visitor gets the signed, persistent user-id cookie (the default).
     *
     * @return the resolver
     */
    static UserIdResolver cookieOnly() {
        return request -> null;
    }

    /**
     * The container's authenticated principal name ({@code request.getUserPrincipal()}), else the cookie.
     *
     * @return the resolver
     */
    static UserIdResolver principal() {
        return request -> {
            Principal principal = request.getUserPrincipal();
            return principal == null ? null : "p_" + principal.getName();
        };
    }
}

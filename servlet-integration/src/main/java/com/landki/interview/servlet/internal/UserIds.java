package com.landki.interview.servlet.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Function;

/**
 * The caller's persistent user id: the host application's resolver first, else the signed cookie, else a
 * new id with a fresh cookie. Resolved at most once per request. Thread-safe.
 */
public final class UserIds {

    /** Request attribute holding the resolved user id (read it in servlets mounted under the API). */
    public static final String ATTRIBUTE = "com.landki.interview.servlet.userId";
    /** Request attribute holding the user id's keyed hash for log lines ({@link UserIdCookies#hashForLog}). */
    public static final String HASH_ATTRIBUTE = "com.landki.interview.servlet.userHash";

    private final Function<HttpServletRequest, String> hostResolver;
    private final UserIdCookies cookies;
    private final String cookieName;
    private final String mountPath;
    private final ClientIpResolver proxies;

    public UserIds(Function<HttpServletRequest, String> hostResolver, UserIdCookies cookies, String cookieName,
            String mountPath, ClientIpResolver proxies) {
        this.hostResolver = hostResolver;
        this.cookies = cookies;
        this.cookieName = cookieName;
        this.mountPath = mountPath;
        this.proxies = proxies;
    }

    public String resolve(HttpServletRequest req, HttpServletResponse res) {
        Object known = req.getAttribute(ATTRIBUTE);
        if (known instanceof String id) {
            return id;
        }
        String userId = hostResolver.apply(req);
        if (userId == null) {
            userId = cookies.verify(cookieValue(req));
            if (userId == null) {
                userId = cookies.newUserId();
                boolean secure = req.isSecure() || (proxies.isTrustedPeer(req.getRemoteAddr())
                        && "https".equalsIgnoreCase(req.getHeader("X-Forwarded-Proto")));
                res.addHeader("Set-Cookie", UserIdCookies.setCookieHeader(cookieName, cookies.sign(userId),
                        req.getContextPath() + mountPath, secure));
            }
        }
        req.setAttribute(ATTRIBUTE, userId);
        req.setAttribute(HASH_ATTRIBUTE, cookies.hashForLog(userId));
        return userId;
    }

    private String cookieValue(HttpServletRequest req) {
        Cookie[] all = req.getCookies();
        if (all == null) {
            return null;
        }
        for (Cookie cookie : all) {
            if (cookieName.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }
}

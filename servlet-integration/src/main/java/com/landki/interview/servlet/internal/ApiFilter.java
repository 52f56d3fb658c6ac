package com.landki.interview.servlet.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * Guards everything under the mount path: the Host allowlist, the Origin check and CORS, per-IP rate limits, body size and
 * content type (all read from the route table), the user id for routes that need one (the ChatKit protocol
 * servlet reads it from the request), JSON error bodies for any failure, and the HTTP-server metrics of every
 * request ({@link HttpServerMetrics}). It names the matched route template in the request attribute {@link #ROUTE}
 * (for access logs: {@code /interview/api/chatkit/attachments/*}, never a path with ids).
 * Thread-safe.
 */
public final class ApiFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String CLIENT_IP = "com.landki.interview.servlet.clientIp";
    public static final String STORED_IP = "com.landki.interview.servlet.storedIp";
    public static final String ROUTE = "com.landki.interview.servlet.route";
    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final transient ApiRuntime runtime;

    public ApiFilter(ApiRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain) {
        long started = runtime.http.start();
        String template = runtime.routes.template(pathWithinMount(req));
        if (!HttpServerMetrics.UNMATCHED.equals(template)) {
            req.setAttribute(ROUTE, req.getContextPath() + runtime.options.mountPath() + template);
        }
        try {
            guard(req, res, chain);
        } catch (IOException | ServletException | RuntimeException e) {
            Responses.failure(req, res, e);
        } finally {
            runtime.http.record(req, res, pathWithinMount(req), started);
        }
    }

    private void guard(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String method = req.getMethod().toUpperCase(Locale.ROOT);
        String path = pathWithinMount(req);
        checkHost(req);
        ClientIpResolver.ClientIp client = runtime.client(req);
        req.setAttribute(STORED_IP, runtime.storedIp(client));

        String origin = req.getHeader("Origin");
        boolean preflight = "OPTIONS".equals(method) && req.getHeader("Access-Control-Request-Method") != null;
        if (origin != null && !sameOrigin(req, origin)) {
            boolean allowed = runtime.cors.allowed(origin);
            if (allowed) {
                res.setHeader("Access-Control-Allow-Origin", origin);
                if (runtime.cors.listed(origin)) {
                    // the user-id cookie travels only to origins named one by one, never to "*"
                    res.setHeader("Access-Control-Allow-Credentials", "true");
                }
                res.setHeader("Access-Control-Expose-Headers", Cors.EXPOSE_HEADERS);
            }
            res.addHeader("Vary", "Origin");
            if (preflight || UNSAFE.contains(method)) {
                if (!allowed) {
                    throw new ApiException(403, "origin_not_allowed", "origin " + origin
                            + " is not allowed; add it to ALLOWED_ORIGINS");
                }
                if (preflight) {
                    res.setHeader("Access-Control-Allow-Methods", Cors.ALLOW_METHODS);
                    res.setHeader("Access-Control-Allow-Headers", Cors.ALLOW_HEADERS);
                    res.setHeader("Access-Control-Max-Age", "600");
                    res.setStatus(204);
                    return;
                }
            }
        }

        ApiRoutes.Route route = runtime.routes.find(method, path);
        String bucket = route == null ? null : route.bucket();
        TokenBucketLimiter limiter = bucket == null ? null : runtime.limiters.get(bucket);
        if (limiter != null) {
            long waitNanos = limiter.tryAcquire(IpAddresses.rateLimitKey(client.address()));
            if (waitNanos > 0) {
                runtime.metrics.rateLimited(bucket);
                long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
                throw new ApiException(429, "rate_limited", "too many requests; retry in " + seconds + " s")
                        .withHeader("Retry-After", Long.toString(seconds));
            }
        }

        HttpServletRequest forward = req;
        if (UNSAFE.contains(method) && route != null && route.upload() > 0) {
            // an attachment upload: multipart up to the attachment cap, checked by its endpoint
            RequestBodies.checkLength(req, route.upload());
        } else if (UNSAFE.contains(method)) {
            // the protocol endpoint takes dictation bodies above the API's limit and checks the others itself
            int max = (int) Math.max(runtime.options.security().maxBodyBytes(),
                    route == null ? 0 : Math.min(Integer.MAX_VALUE - 8, route.json()));
            RequestBodies.check(req, max);
            forward = new LimitedRequest(req, max);
        }
        if (route != null && route.user()) {
            // servlets mounted under the API (the ChatKit protocol servlet) read it from the request attribute
            runtime.userIds.resolve(forward, res);
        }
        chain.doFilter(forward, res);
    }

    /**
     * 421 unless the {@code Host} (and a trusted proxy's {@code X-Forwarded-Host}) is one this API serves: a
     * browser that DNS rebinding sent here names the attacker's host.
     */
    private void checkHost(HttpServletRequest req) {
        String host = req.getHeader("Host");
        if (host == null) {
            host = req.getServerName(); // HTTP/1.0 without Host: no browser sends that
        }
        String forwardedHost = req.getHeader("X-Forwarded-Host");
        String refused = !runtime.hosts.allowed(host) ? host
                : forwardedHost != null && runtime.ips.isTrustedPeer(req.getRemoteAddr())
                        && !runtime.hosts.allowed(forwardedHost.split(",", 2)[0]) ? forwardedHost : null;
        if (refused != null) {
            String shown = refused.length() <= 100 && refused.matches("[\\x21-\\x7e]+") ? "'" + refused + "'" : "named";
            throw new ApiException(421, "host_not_allowed", "this server does not answer for the host " + shown
                    + "; add it to ALLOWED_HOSTS");
        }
    }

    /** Same origin as the Host header, or, behind a trusted proxy, as its {@code X-Forwarded-Host}. */
    private boolean sameOrigin(HttpServletRequest req, String origin) {
        if (Cors.sameOrigin(origin, req.getHeader("Host"))) {
            return true;
        }
        String forwardedHost = req.getHeader("X-Forwarded-Host");
        return forwardedHost != null && runtime.ips.isTrustedPeer(req.getRemoteAddr())
                && Cors.sameOrigin(origin, forwardedHost.split(",", 2)[0].trim());
    }

    private String pathWithinMount(HttpServletRequest req) {
        String uri = req.getRequestURI();
        String prefix = req.getContextPath() + runtime.options.mountPath();
        String path = uri.startsWith(prefix) ? uri.substring(prefix.length()) : uri;
        return path.isEmpty() ? "/" : path;
    }
}

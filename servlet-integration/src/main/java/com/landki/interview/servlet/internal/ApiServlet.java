package com.landki.interview.servlet.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.landki.interview.store.ExportFormat;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Routes every endpoint of the API (docs/integration.md) except the ChatKit protocol: checks access, parses the body,
 * calls the container-free handler and writes JSON. {@code /chatkit/session} and {@code /classify} run
 * asynchronously, so a slow upstream holds no container thread. Thread-safe.
 */
public final class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final long ASYNC_TIMEOUT_MS = 120_000;

    private enum Access { PUBLIC, ADMIN, FEEDBACK_LIST }

    @FunctionalInterface
    private interface Action {
        CompletableFuture<ApiResponse> run(Call call) throws IOException;
    }

    private record Endpoint(Access access, boolean body, boolean async, Action action) {
    }

    /** One request as the actions see it. */
    private record Call(HttpServletRequest req, HttpServletResponse res, ObjectNode body, CallContext caller) {

        String query(String name) {
            return req.getParameter(name);
        }
    }

    private final transient ApiRuntime runtime;
    private final transient Map<String, Map<String, Endpoint>> routes = new LinkedHashMap<>();

    public ApiServlet(ApiRuntime runtime) {
        this.runtime = runtime;
        route("/health", "GET", Access.PUBLIC, false, false, c -> done(runtime.info.health()));
        route("/config", "GET", Access.PUBLIC, false, false, c -> done(runtime.info.config()));
        route("/chatkit/session", "POST", Access.PUBLIC, true, true,
                c -> runtime.sessions.create(c.body(), c.caller()));
        route("/classify", "POST", Access.PUBLIC, true, true, c -> runtime.classify.classify(c.body(), c.caller()));
        route("/feedback", "POST", Access.PUBLIC, true, false,
                c -> done(runtime.feedback.submitPublic(c.body(), c.caller())));
        route("/feedback/list", "GET", Access.FEEDBACK_LIST, false, false,
                c -> done(runtime.feedback.list(limit(c.query("limit"), 50))));
        route("/admin/feedback", "POST", Access.ADMIN, true, false,
                c -> done(runtime.feedback.submitAdmin(c.body(), c.caller())));
        route("/admin/stats", "GET", Access.ADMIN, false, false, c -> done(runtime.adminHandler.stats()));
        route("/admin/logs", "GET", Access.ADMIN, false, false,
                c -> done(runtime.adminHandler.logs(c.query("type"), limit(c.query("limit"), 100))));
        route("/admin/feedback/export", "GET", Access.ADMIN, false, false, this::export);
        route("/admin/data", "DELETE", Access.ADMIN, false, false,
                c -> done(runtime.adminHandler.erase(c.query("session_id"), c.query("user_id"))));
        route("/metrics", "GET", Access.ADMIN, false, false, c -> metricsScrape(c.res()));
        route("/chatkit", "POST", Access.PUBLIC, false, false, c -> {
            throw ApiException.notConfigured("the ChatKit server backend is not mounted here;"
                    + " set CHATKIT_BACKEND=server with OPENAI_API_KEY (or use /chatkit/session)");
        });
    }

    private void route(String path, String method, Access access, boolean body, boolean async, Action action) {
        routes.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(method, new Endpoint(access, body, async, action));
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
        try {
            dispatch(req, res);
        } catch (PayloadTooLargeException e) {
            throw e; // the filter drains the rest of the body before it answers 413
        } catch (RuntimeException | IOException e) {
            Responses.error(res, Responses.toApi(e));
        }
    }

    private void dispatch(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        String method = req.getMethod().toUpperCase(Locale.ROOT);
        Map<String, Endpoint> byMethod = routes.get(path);
        if (byMethod == null) {
            throw new ApiException(404, "not_found", "no endpoint " + method + " " + req.getContextPath()
                    + runtime.options.mountPath() + path);
        }
        String allow = String.join(", ", byMethod.keySet()) + (byMethod.containsKey("GET") ? ", HEAD" : "")
                + ", OPTIONS";
        if ("OPTIONS".equals(method)) {
            res.setHeader("Allow", allow);
            res.setStatus(204);
            return;
        }
        // HEAD runs the GET endpoint; the container drops the body
        Endpoint endpoint = byMethod.get("HEAD".equals(method) ? "GET" : method);
        if (endpoint == null) {
            throw new ApiException(405, "method_not_allowed", method + " is not allowed on " + path
                    + "; use " + String.join(" or ", byMethod.keySet()), Map.of("Allow", allow));
        }
        ClientIpResolver.ClientIp client = runtime.client(req);
        if (endpoint.access() == Access.ADMIN
                || (endpoint.access() == Access.FEEDBACK_LIST && !runtime.options.security().feedbackListPublic())) {
            runtime.admin.check(req.getHeader("Authorization"), client);
        }
        ObjectNode body = endpoint.body() ? Json.parseObject(readBody(req)) : null;
        String userId = endpoint.async() ? runtime.userIds.resolve(req, res) : null;
        Call call = new Call(req, res, body, new CallContext(runtime.storedIp(client), userId));
        CompletableFuture<ApiResponse> result = endpoint.action().run(call);
        if (result == null) {
            return; // the action streamed its own answer
        }
        if (result.isDone() || !endpoint.async()) {
            Responses.write(res, result.join());
            return;
        }
        answerAsync(req, res, result);
    }

    private void answerAsync(HttpServletRequest req, HttpServletResponse res, CompletableFuture<ApiResponse> result) {
        AsyncContext async = req.startAsync();
        async.setTimeout(ASYNC_TIMEOUT_MS);
        AtomicBoolean finished = new AtomicBoolean();
        async.addListener(new AsyncListener() {
            @Override
            public void onTimeout(AsyncEvent event) {
                if (finished.compareAndSet(false, true)) {
                    Responses.error(res, new ApiException(504, "upstream_timeout",
                            "the ChatKit API did not answer in time; try again"));
                    async.complete();
                }
            }

            @Override
            public void onError(AsyncEvent event) {
                finished.set(true); // the client went away; nothing to answer
            }

            @Override
            public void onComplete(AsyncEvent event) {
                finished.set(true);
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // not re-dispatched
            }
        });
        result.whenComplete((response, error) -> {
            if (!finished.compareAndSet(false, true)) {
                return;
            }
            try {
                if (error != null) {
                    Responses.error(res, Responses.toApi(error));
                } else {
                    Responses.write(res, response);
                }
            } catch (IOException | RuntimeException e) {
                Responses.error(res, Responses.toApi(e));
            } finally {
                async.complete();
            }
        });
    }

    private CompletableFuture<ApiResponse> export(Call call) throws IOException {
        ExportFormat format;
        try {
            format = ExportFormat.parse(call.query("format") == null ? "csv" : call.query("format"));
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("format", "must be csv or jsonl");
        }
        HttpServletResponse res = call.res();
        String day = runtime.options.clock().instant().toString().substring(0, 10).replace("-", "");
        res.setStatus(200);
        res.setContentType(format.contentType());
        res.setHeader("Content-Disposition", "attachment; filename=\"feedback-" + day + "." + format.extension() + "\"");
        res.setHeader("Cache-Control", "no-store");
        res.setHeader("X-Content-Type-Options", "nosniff");
        OutputStream out = res.getOutputStream();
        runtime.parts.store.feedback().export(format, out);
        out.flush();
        return null;
    }

    private CompletableFuture<ApiResponse> metricsScrape(HttpServletResponse res) throws IOException {
        byte[] text = runtime.metrics.scrape().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        res.setStatus(200);
        res.setContentType("text/plain; version=0.0.4; charset=utf-8");
        res.setHeader("Cache-Control", "no-store");
        res.setContentLength(text.length);
        res.getOutputStream().write(text);
        return null;
    }

    /** Parses {@code limit}: absent gives {@code fallback}; anything but an integer 1..500 is 400. */
    static int limit(String raw, int fallback) {
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= 1 && value <= 500) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the validation error below
        }
        throw ApiException.validation("limit", "must be an integer 1..500, was '" + raw + "'");
    }

    private static byte[] readBody(HttpServletRequest req) throws IOException {
        try (InputStream in = req.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static CompletableFuture<ApiResponse> done(ApiResponse response) {
        return CompletableFuture.completedFuture(response);
    }
}

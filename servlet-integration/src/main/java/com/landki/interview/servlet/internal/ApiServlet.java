package com.landki.interview.servlet.internal;

import com.landki.interview.internal.LogContext;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The servlet side of the {@link ApiRoutes route table}: turns the servlet request into an {@link ApiRequest},
 * runs the route's container-free handler and writes its {@link ApiResponse}. An answer that is not ready yet
 * ({@code /chatkit/session}, {@code /classify}) is written asynchronously, so a slow upstream holds no
 * container thread; its completion runs with the request's MDC ({@link LogContext}). Thread-safe.
 */
public final class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final long ASYNC_TIMEOUT_MS = 120_000;

    private final transient ApiRuntime runtime;

    public ApiServlet(ApiRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) {
        try {
            dispatch(req, res);
        } catch (RuntimeException | IOException e) {
            Responses.failure(req, res, e);
        }
    }

    private void dispatch(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        String method = req.getMethod().toUpperCase(Locale.ROOT);
        if ("OPTIONS".equals(method)) {
            Responses.write(res, runtime.routes.options(path));
            return;
        }
        ApiRoutes.Route route = runtime.routes.route(method, path);
        // every body is read to its end before the answer, so the connection stays usable; a body still on
        // its way is read without holding this thread, and the request comes back here when it is complete
        byte[] body = null;
        if (!"GET".equals(route.method())) {
            body = RequestBodies.readOrDispatch(req, res, runtime.options.security().maxBodyBytes());
            if (body == null) {
                return;
            }
        }
        ClientIpResolver.ClientIp client = runtime.client(req);
        String userId = route.user() ? runtime.userIds.resolve(req, res) : null;
        ApiRequest request = new ApiRequest(method, path, query(req), headers(req), body, client,
                runtime.storedIp(client), userId);
        CompletableFuture<ApiResponse> result = runtime.routes.call(route, request);
        if (result.isDone()) {
            Responses.write(res, result.join());
        } else {
            answerAsync(req, res, result);
        }
    }

    private void answerAsync(HttpServletRequest req, HttpServletResponse res, CompletableFuture<ApiResponse> result) {
        AsyncContext async = req.startAsync();
        async.setTimeout(ASYNC_TIMEOUT_MS);
        AtomicBoolean finished = new AtomicBoolean();
        LogContext log = LogContext.capture();
        async.addListener(new AsyncListener() {
            @Override
            public void onTimeout(AsyncEvent event) {
                log.run(() -> {
                    if (finished.compareAndSet(false, true)) {
                        Responses.error(res, new ApiException(504, "upstream_timeout",
                                "the ChatKit API did not answer in time; try again"));
                        async.complete();
                    }
                });
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
        result.whenComplete(log.wrap((response, error) -> {
            if (!finished.compareAndSet(false, true)) {
                return;
            }
            try {
                if (error != null) {
                    Responses.error(res, ApiException.from(error));
                } else {
                    Responses.write(res, response);
                }
            } catch (IOException | RuntimeException e) {
                Responses.error(res, ApiException.from(e));
            } finally {
                async.complete();
            }
        }));
    }

    private static Map<String, String> query(HttpServletRequest req) {
        Map<String, String[]> parameters;
        try {
            parameters = req.getParameterMap();
        } catch (RuntimeException e) {
            // containers throw their own exception types for bad percent-encoding (%zz) or a bad charset
            throw new ApiException(400, "invalid_query", "the query string is not valid percent-encoded UTF-8");
        }
        Map<String, String> query = new HashMap<>();
        parameters.forEach((name, values) -> {
            if (values.length > 0) {
                query.put(name, values[0]);
            }
        });
        return query;
    }

    private static Map<String, String> headers(HttpServletRequest req) {
        Map<String, String> headers = new HashMap<>();
        for (Enumeration<String> names = req.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            headers.putIfAbsent(name.toLowerCase(Locale.ROOT), req.getHeader(name));
        }
        return headers;
    }
}

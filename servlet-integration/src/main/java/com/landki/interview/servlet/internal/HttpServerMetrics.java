package com.landki.interview.servlet.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * {@code interview_http_server_requests_seconds}: every request under the mount path by method, route and
 * status class ({@code status_class} {@code 2xx}, {@code 4xx}, …). The route is the template from the {@link ApiRoutes route table} ({@code /chatkit/session}),
 * {@code unmatched} for any other path, never the raw path, so a scanner cannot grow the series; methods
 * outside the standard set count as {@code OTHER}. Each route's own method is registered at start for 2xx,
 * 4xx and 5xx. An asynchronous answer (a session, a ChatKit stream) is measured until it completes.
 * Thread-safe.
 */
final class HttpServerMetrics {

    static final String NAME = "interview.http.server.requests";
    static final String UNMATCHED = "unmatched";
    static final List<String> STATUS_CLASSES = List.of("2xx", "4xx", "5xx");
    /** Bucket bounds: API answers take milliseconds, a session or ChatKit stream seconds to minutes. */
    static final Duration[] BUCKETS = ApiMetrics.seconds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
            30, 60, 120);
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final MeterRegistry registry;
    private final ApiRoutes routes;
    private final LongSupplier nanoTime;
    /** The timers by method, route and status class: a bounded set, looked up without building an id each time. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    HttpServerMetrics(MeterRegistry registry, ApiRoutes routes, LongSupplier nanoTime) {
        this.registry = registry;
        this.routes = routes;
        this.nanoTime = nanoTime;
        for (ApiRoutes.Route route : routes.all()) {
            STATUS_CLASSES.forEach(status -> timer(route.method(), route.path(), status));
        }
    }

    /** A start time for {@link #record}. */
    long start() {
        return nanoTime.getAsLong();
    }

    /**
     * Records the request that started at {@code started} at its path within the mount: now, or when its
     * asynchronous answer completes.
     */
    void record(HttpServletRequest req, HttpServletResponse res, String path, long started) {
        String method = req.getMethod().toUpperCase(Locale.ROOT);
        String route = routes.template(path);
        String methodLabel = METHODS.contains(method) ? method : "OTHER";
        if (!req.isAsyncStarted()) {
            stop(methodLabel, route, res.getStatus(), started);
            return;
        }
        try {
            req.getAsyncContext().addListener(new AsyncListener() {
                @Override
                public void onComplete(AsyncEvent event) {
                    stop(methodLabel, route, res.getStatus(), started);
                }

                @Override
                public void onTimeout(AsyncEvent event) {
                    // onComplete follows
                }

                @Override
                public void onError(AsyncEvent event) {
                    // onComplete follows
                }

                @Override
                public void onStartAsync(AsyncEvent event) {
                    // a body read before the answer dispatches again; the answer's cycle ends the request
                    event.getAsyncContext().addListener(this);
                }
            });
        } catch (IllegalStateException e) {
            // the answer completed meanwhile: its status is final
            stop(methodLabel, route, res.getStatus(), started);
        }
    }

    private void stop(String method, String route, int status, long started) {
        String statusClass = status / 100 + "xx";
        timers.computeIfAbsent(method + ' ' + route + ' ' + statusClass, key -> timer(method, route, statusClass))
                .record(Duration.ofNanos(nanoTime.getAsLong() - started));
    }

    private Timer timer(String method, String route, String status) {
        return Timer.builder(NAME).description("requests to the interview API, by route template and status class")
                .tag("method", method).tag("route", route).tag("status_class", status)
                .serviceLevelObjectives(BUCKETS).register(registry);
    }
}

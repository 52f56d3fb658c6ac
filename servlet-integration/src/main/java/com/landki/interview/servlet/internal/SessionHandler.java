package com.landki.interview.servlet.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /chatkit/session}: mints a ChatKit session for the caller's user id without holding a
 * thread while the upstream answers, and logs {@code session.created} / {@code session.failed}.
 * Thread-safe.
 */
public final class SessionHandler {

    private static final Logger LOG = LoggerFactory.getLogger("com.landki.interview.servlet.session");

    private final SessionPort sessions;
    private final String notConfiguredReason;
    private final ChatEvents events;
    private final ApiMetrics metrics;
    private final LongSupplier nanoTime;

    public SessionHandler(SessionPort sessions, String notConfiguredReason, ChatEvents events, ApiMetrics metrics,
            LongSupplier nanoTime) {
        this.sessions = sessions;
        this.notConfiguredReason = notConfiguredReason;
        this.events = events;
        this.metrics = metrics;
        this.nanoTime = nanoTime;
    }

    public boolean configured() {
        return sessions != null;
    }

    /** Validates the optional body and starts the upstream call; failures complete with {@link ApiException}. */
    public CompletableFuture<ApiResponse> create(ObjectNode body, CallContext caller) {
        // the page sends the expiring secret on refresh; a new session replaces it, so it is only checked
        Json.optString(body, "current_client_secret", 4096);
        if (sessions == null) {
            throw ApiException.notConfigured(notConfiguredReason);
        }
        long started = nanoTime.getAsLong();
        CompletableFuture<SessionPort.Grant> call;
        try {
            call = sessions.createSession(caller.userId());
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        return call.handle((grant, error) -> {
            Duration latency = Duration.ofNanos(nanoTime.getAsLong() - started);
            if (error != null) {
                ApiException mapped = UpstreamErrors.toApi(error);
                Throwable cause = UpstreamErrors.unwrap(error);
                UpstreamException up = cause instanceof UpstreamException u ? u : null;
                metrics.sessionFailed(mapped.code(), latency);
                events.log(new StorePort.ChatEventDraft("session.failed", null, events.hashUser(caller.userId()),
                        caller.storedIp(), latency.toMillis(), up == null ? null : up.status(),
                        up == null ? null : up.requestId(), mapped.code(), null, null, null, null, null));
                if (mapped.status() >= 500 && up == null && !"upstream_timeout".equals(mapped.code())) {
                    LOG.error("session.failed code={} latency_ms={}", mapped.code(), latency.toMillis(), cause);
                } else {
                    LOG.warn("session.failed code={} upstream_status={} request_id={} latency_ms={}", mapped.code(),
                            up == null ? "-" : up.status(), up == null ? "-" : up.requestId(), latency.toMillis());
                }
                throw mapped;
            }
            metrics.sessionCreated(latency);
            events.log(new StorePort.ChatEventDraft("session.created", grant.sessionId(),
                    events.hashUser(caller.userId()), caller.storedIp(), latency.toMillis(), 200, grant.requestId(),
                    null, null, null, null, null, null));
            LOG.info("session.created session_id={} request_id={} latency_ms={}", grant.sessionId(),
                    grant.requestId(), latency.toMillis());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("client_secret", grant.clientSecret());
            out.put("expires_at", grant.expiresAt());
            out.put("session_id", grant.sessionId());
            ApiResponse response = ApiResponse.ok(out).withHeader("Cache-Control", "no-store");
            return grant.requestId() == null ? response : response.withHeader("x-request-id", grant.requestId());
        });
    }
}

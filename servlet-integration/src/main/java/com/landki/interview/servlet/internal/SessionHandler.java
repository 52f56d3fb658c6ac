package com.landki.interview.servlet.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.landki.interview.store.ChatEvent;
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
                throw failed(error, latency, caller);
            }
            metrics.sessionCreated(latency);
            events.log(events.event(ChatEvent.SESSION_CREATED, caller).sessionId(grant.sessionId())
                    .latencyMs(latency.toMillis()).upstreamStatus(200).upstreamRequestId(grant.requestId()).build());
            // chat.jsonl already holds every session.created; a second line per session in the server log
            // cost measurable CPU under load (docs/benchmarks.md), so it is a debug line. Failures stay WARN.
            LOG.debug("session.created session_id={} upstream_request_id={} latency_ms={}", grant.sessionId(),
                    grant.requestId(), latency.toMillis());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("client_secret", grant.clientSecret());
            out.put("expires_at", grant.expiresAt());
            out.put("session_id", grant.sessionId());
            ApiResponse response = ApiResponse.ok(out).withHeader("Cache-Control", "no-store");
            return grant.requestId() == null ? response : response.withHeader("x-request-id", grant.requestId());
        });
    }

    private ApiException failed(Throwable error, Duration latency, CallContext caller) {
        ApiException mapped = UpstreamErrors.toApi(error);
        Integer status = UpstreamErrors.upstreamStatus(error);
        String requestId = UpstreamErrors.requestId(error);
        metrics.sessionFailed(mapped.code(), latency);
        ChatEvent.Builder event = events.event(ChatEvent.SESSION_FAILED, caller).latencyMs(latency.toMillis())
                .upstreamRequestId(requestId).error(mapped.code());
        if (status != null) {
            event.upstreamStatus(status);
        }
        events.log(event.build());
        if (UpstreamErrors.isUpstream(error)) {
            LOG.warn("session.failed code={} upstream_status={} upstream_request_id={} latency_ms={}", mapped.code(),
                    status == null ? "-" : status, requestId == null ? "-" : requestId, latency.toMillis());
        } else {
            LOG.error("session.failed code={} latency_ms={}", mapped.code(), latency.toMillis(),
                    UpstreamErrors.unwrap(error));
        }
        return mapped;
    }
}

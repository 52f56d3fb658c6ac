package com.landki.interview.servlet.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /classify}: by {@code thread_id} (read through the ChatKit threads API, owner checked) or by
 * {@code user_question} + {@code assistant_reply}; logs {@code response.classified}. Thread-safe.
 */
public final class ClassifyHandler {

    static final int MAX_TEXT = 32_000;

    private final ScopePort scope;
    private final ChatEvents events;
    private final ApiMetrics metrics;

    public ClassifyHandler(ScopePort scope, ChatEvents events, ApiMetrics metrics) {
        this.scope = scope;
        this.events = events;
        this.metrics = metrics;
    }

    public CompletableFuture<ApiResponse> classify(ObjectNode body, CallContext caller) {
        String threadId = Json.optString(body, "thread_id", 200);
        String sessionId = Json.optString(body, "session_id", 200);
        if (threadId != null) {
            if (!threadId.matches("[A-Za-z0-9_\\-]{1,200}")) {
                throw ApiException.validation("thread_id", "must be a ChatKit thread id (letters, digits, '_', '-')");
            }
            if (!scope.threadsConfigured()) {
                throw ApiException.notConfigured("classifying by thread_id needs OPENAI_API_KEY;"
                        + " send user_question and assistant_reply instead");
            }
            CompletableFuture<ScopePort.ThreadResult> call;
            try {
                call = scope.classifyThread(threadId, caller.userId());
            } catch (RuntimeException e) {
                call = CompletableFuture.failedFuture(e);
            }
            return call.handle((result, error) -> {
                if (error != null) {
                    Throwable cause = UpstreamErrors.unwrap(error);
                    if (cause instanceof ScopePort.ThreadNotFoundException) {
                        throw new ApiException(404, "thread_not_found", "no thread '" + threadId + "' for this user");
                    }
                    throw UpstreamErrors.toApi(cause);
                }
                return answer(result.decision(), sessionId != null ? sessionId : threadId, result.userQuestion(),
                        result.assistantReply(), caller);
            });
        }
        String question = Json.optString(body, "user_question", MAX_TEXT);
        String reply = Json.optString(body, "assistant_reply", MAX_TEXT);
        if (reply == null) {
            throw ApiException.validation("assistant_reply", "is required (or send thread_id)");
        }
        ScopePort.Decision decision = scope.classifyText(question == null ? "" : question, reply);
        return CompletableFuture.completedFuture(answer(decision, sessionId, question, reply, caller));
    }

    private ApiResponse answer(ScopePort.Decision decision, String sessionId, String question, String reply,
            CallContext caller) {
        metrics.classified(decision.outOfScope());
        events.log(new StorePort.ChatEventDraft("response.classified", sessionId, events.hashUser(caller.userId()),
                caller.storedIp(), null, null, null, null, question, reply, decision.outOfScope(),
                decision.source(), decision.marker()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("out_of_scope", decision.outOfScope());
        out.put("source", decision.source());
        out.put("marker", decision.marker());
        return ApiResponse.ok(out);
    }
}

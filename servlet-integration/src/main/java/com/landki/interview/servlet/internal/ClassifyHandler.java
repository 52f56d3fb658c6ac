package com.landki.interview.servlet.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.landki.interview.classify.ScopeClassifier;
import com.landki.interview.classify.ScopeDecision;
import com.landki.interview.classify.ThreadClassification;
import com.landki.interview.classify.ThreadClassifier;
import com.landki.interview.classify.ThreadNotOwnedException;
import com.landki.interview.store.ChatEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /classify}: by {@code thread_id} (read through the ChatKit threads API, owner checked) or by
 * {@code user_question} + {@code assistant_reply}; logs {@code response.classified}. Thread-safe.
 */
public final class ClassifyHandler {

    static final int MAX_TEXT = 32_000;

    private final ScopeClassifier classifier;
    private final ThreadClassifier threads;
    private final String threadsUnavailable;
    private final ChatEvents events;
    private final ApiMetrics metrics;

    /**
     * {@code threads} may be {@code null}: then {@code thread_id} answers 503 not_configured with
     * {@code threadsUnavailable} as its message.
     */
    public ClassifyHandler(ScopeClassifier classifier, ThreadClassifier threads, String threadsUnavailable,
            ChatEvents events, ApiMetrics metrics) {
        this.classifier = classifier;
        this.threads = threads;
        this.threadsUnavailable = threadsUnavailable;
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
            if (threads == null) {
                throw ApiException.notConfigured(threadsUnavailable);
            }
            CompletableFuture<ThreadClassification> call;
            try {
                call = threads.classifyAsync(threadId, caller.userId());
            } catch (RuntimeException e) {
                call = CompletableFuture.failedFuture(e);
            }
            return call.handle((result, error) -> {
                if (error != null) {
                    Throwable cause = UpstreamErrors.unwrap(error);
                    if (cause instanceof ThreadNotOwnedException) {
                        throw new ApiException(404, "thread_not_found", "no thread '" + threadId + "' for this user");
                    }
                    throw ApiException.from(cause);
                }
                return answer(result.decision(), sessionId, threadId, result.question(), result.answer(), caller);
            });
        }
        String question = Json.optString(body, "user_question", MAX_TEXT);
        String reply = Json.optString(body, "assistant_reply", MAX_TEXT);
        if (reply == null) {
            throw ApiException.validation("assistant_reply", "is required (or send thread_id)");
        }
        ScopeDecision decision = classifier.classify(question, reply);
        return CompletableFuture.completedFuture(answer(decision, sessionId, null, question, reply, caller));
    }

    private ApiResponse answer(ScopeDecision decision, String sessionId, String threadId, String question,
            String reply, CallContext caller) {
        metrics.answered(decision.source().wireName(), decision.outOfScope());
        ChatEvent.Builder event = events.event(ChatEvent.RESPONSE_CLASSIFIED, caller).sessionId(sessionId)
                .threadId(threadId).question(question).answer(reply).outOfScope(decision.outOfScope())
                .source(decision.source().wireName()).marker(decision.marker());
        events.log(event.build());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("out_of_scope", decision.outOfScope());
        out.put("source", decision.source().wireName());
        out.put("marker", decision.marker());
        return ApiResponse.ok(out);
    }
}

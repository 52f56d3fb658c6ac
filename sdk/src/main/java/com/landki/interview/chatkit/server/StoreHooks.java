package com.landki.interview.chatkit.server;

import com.landki.interview.classify.MarkerClassifier;
import com.landki.interview.store.ChatEvent;
import com.landki.interview.store.ChatEventLog;
import com.landki.interview.store.FeedbackEntry;
import com.landki.interview.store.FeedbackStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Connects the server's hooks to the interview stores and classifier:
 *
 * <pre>{@code
 * ChatKitServer.builder()
 *     .feedbackListener(StoreHooks.feedbackTo(store.feedback()))
 *     .outOfScopeListener(StoreHooks.classifiedTo(store.chatLog()))
 *     .answerClassifier(StoreHooks.markers(MarkerClassifier.fromEnv()))
 * }</pre>
 *
 * The thread id stands in for the seed's session id, so erasure by session id ({@code DELETE /admin/data})
 * removes a thread's feedback and log lines. The client IP is taken from the {@link RequestContext#IP}
 * attribute only (the integration anonymizes it); without it none is stored. All hooks are thread-safe.
 */
public final class StoreHooks {

    /** Feedback category of a thumbs up in ChatKit. */
    public static final String CATEGORY_POSITIVE = "thumbs_up";
    /** Feedback category of a thumbs down in ChatKit. */
    public static final String CATEGORY_NEGATIVE = "thumbs_down";

    private StoreHooks() {
    }

    /** {@code items.feedback} → one public feedback entry per request (category {@code thumbs_up}/{@code thumbs_down}). */
    public static FeedbackListener feedbackTo(FeedbackStore store) {
        Objects.requireNonNull(store, "store");
        return feedback -> store.append(FeedbackEntry.publicFeedback(feedback.threadId(), feedback.question(),
                feedback.answer(), FeedbackListener.POSITIVE.equals(feedback.kind()) ? CATEGORY_POSITIVE : CATEGORY_NEGATIVE,
                null, feedback.context().attribute(RequestContext.IP)));
    }

    /** Out-of-scope answers → a {@code response.classified} event in the chat log (and so in the stats). */
    public static OutOfScopeListener classifiedTo(ChatEventLog log) {
        Objects.requireNonNull(log, "log");
        return event -> log.append(ChatEvent.builder(ChatEvent.RESPONSE_CLASSIFIED)
                .sessionId(event.threadId()).threadId(event.threadId())
                .userHash(userHash(event.context())).ip(event.context().attribute(RequestContext.IP))
                .question(event.question()).answer(event.answer()).outOfScope(true).source(event.source())
                .marker(OutOfScopeListener.MARKER.equals(event.source()) ? event.reason() : null)
                .build());
    }

    /** The marker-phrase classifier as the server's second opinion on answers the model did not flag. */
    public static AnswerClassifier markers(MarkerClassifier markers) {
        Objects.requireNonNull(markers, "markers");
        return (question, answer) -> markers.find(answer);
    }

    /** The context's {@link RequestContext#USER_HASH}, or the first 16 hex digits of SHA-256 of the user id. */
    static String userHash(RequestContext context) {
        String given = context.attribute(RequestContext.USER_HASH);
        if (given != null) {
            return given;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(context.userId().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}

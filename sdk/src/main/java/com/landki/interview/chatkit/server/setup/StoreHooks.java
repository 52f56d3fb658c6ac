package com.landki.interview.chatkit.server.setup;

import com.landki.interview.chatkit.server.AnswerClassifier;
import com.landki.interview.chatkit.server.AnswerListener;
import com.landki.interview.chatkit.server.ChatKitServer;
import com.landki.interview.chatkit.server.FeedbackListener;
import com.landki.interview.chatkit.server.types.RequestContext;
import com.landki.interview.classify.MarkerClassifier;
import com.landki.interview.config.Settings;
import com.landki.interview.internal.HmacSha256;
import com.landki.interview.store.ChatEvent;
import com.landki.interview.store.ChatEventLog;
import com.landki.interview.store.FeedbackEntry;
import com.landki.interview.store.FeedbackStore;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Function;

/**
 * Connects the server's hooks to the interview stores and classifier:
 *
 * <pre>{@code
 * ChatKitServer.builder()
 *     .feedbackListener(StoreHooks.feedbackTo(store.feedback()))
 *     .answerListener(StoreHooks.classifiedTo(store.chatLog(), StoreHooks.keyedUserHash(secret)))
 *     .answerClassifier(StoreHooks.markers(MarkerClassifier.fromEnv()))
 * }</pre>
 *
 * The thread id stands in for the hosted backend's session id, so erasure by session id ({@code DELETE /admin/data})
 * removes a thread's feedback and log lines together with the thread ({@code ThreadStore.eraseThread}). The client IP is taken from the {@link RequestContext#IP}
 * attribute only (the integration anonymizes it); without it none is stored. The {@code user_hash} of a log
 * line is the context's {@link RequestContext#USER_HASH} (the servlet API puts its keyed hash there), else the
 * given hasher's; a plain hash of a user id is never written, since anyone can recompute it. All hooks are
 * thread-safe.
 */
public final class StoreHooks {

    /** Feedback category of a thumbs up in ChatKit. */
    public static final String CATEGORY_POSITIVE = "thumbs_up";
    /** Feedback category of a thumbs down in ChatKit. */
    public static final String CATEGORY_NEGATIVE = "thumbs_down";
    /** Feedback category of a report from the out-of-scope card, as the page's own report uses. */
    public static final String CATEGORY_OUT_OF_SCOPE = "out_of_scope";
    /** The comment stored with a report from the out-of-scope card. */
    public static final String OUT_OF_SCOPE_COMMENT = "Vom Nutzer gemeldet: Antwort außerhalb der Dokumente (Karte im Chat)";

    private StoreHooks() {
    }

    /**
     * {@code items.feedback} → one public feedback entry per request (category {@code thumbs_up}/{@code thumbs_down});
     * a report from the out-of-scope card → one with category {@code out_of_scope} and {@link #OUT_OF_SCOPE_COMMENT}.
     *
     * @param store where the entries go
     * @return the listener
     */
    public static FeedbackListener feedbackTo(FeedbackStore store) {
        Objects.requireNonNull(store, "store");
        return feedback -> {
            boolean report = FeedbackListener.OUT_OF_SCOPE.equals(feedback.kind());
            String category = report ? CATEGORY_OUT_OF_SCOPE
                    : FeedbackListener.POSITIVE.equals(feedback.kind()) ? CATEGORY_POSITIVE : CATEGORY_NEGATIVE;
            store.append(FeedbackEntry.publicFeedback(feedback.threadId(), feedback.question(), feedback.answer(),
                    category, report ? OUT_OF_SCOPE_COMMENT : null, feedback.context().attribute(RequestContext.IP)));
        };
    }

    /**
     * Every finished answer → a {@code response.classified} event in the chat log with {@code out_of_scope}
     * true or false and its source (so the stats' out-of-scope rate is a rate), and every new thread → a
     * {@code thread.created} event (the stats' conversations); the {@code user_hash} is taken from the
     * context's {@link RequestContext#USER_HASH} only (none without it).
     *
     * @param log where the events go
     * @return the listener
     */
    public static AnswerListener classifiedTo(ChatEventLog log) {
        return classifiedTo(log, userId -> null);
    }

    /**
     * Like {@link #classifiedTo(ChatEventLog)}, hashing the user id with {@code userHasher} when the context
     * carries no {@link RequestContext#USER_HASH}; pass {@link #keyedUserHash(byte[])} with a key that survives
     * restarts (e.g. the user-id cookie secret), or the same user gets a new hash after each one.
     *
     * @param log where the events go
     * @param userHasher turns a user id into the logged hash
     * @return the listener
     */
    public static AnswerListener classifiedTo(ChatEventLog log, Function<String, String> userHasher) {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(userHasher, "userHasher");
        return new AnswerListener() {
            @Override
            public void onAnswer(Answer event) {
                log.append(ChatEvent.builder(ChatEvent.RESPONSE_CLASSIFIED)
                        .sessionId(event.threadId()).threadId(event.threadId())
                        .userHash(userHash(event.context(), userHasher))
                        .ip(event.context().attribute(RequestContext.IP))
                        .question(event.question()).answer(event.answer()).outOfScope(event.outOfScope())
                        .source(event.source())
                        .marker(AnswerListener.MARKER.equals(event.source()) ? event.reason() : null)
                        .build());
            }

            @Override
            public void onThreadCreated(RequestContext context, String threadId) {
                log.append(ChatEvent.builder(ChatEvent.THREAD_CREATED).sessionId(threadId).threadId(threadId)
                        .userHash(userHash(context, userHasher)).ip(context.attribute(RequestContext.IP)).build());
            }
        };
    }

    /**
     * Both listeners, {@code first} then {@code second}; a failure of {@code first} does not keep {@code second}
     * from being told (it is rethrown afterwards, so the server logs it).
     *
     * @param first told first
     * @param second told second, even when {@code first} failed
     * @return the combined listener
     */
    public static AnswerListener both(AnswerListener first, AnswerListener second) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        return new AnswerListener() {
            @Override
            public void onAnswer(Answer answer) {
                runBoth(() -> first.onAnswer(answer), () -> second.onAnswer(answer));
            }

            @Override
            public void onThreadCreated(RequestContext context, String threadId) {
                runBoth(() -> first.onThreadCreated(context, threadId), () -> second.onThreadCreated(context, threadId));
            }
        };
    }

    private static void runBoth(Runnable first, Runnable second) {
        try {
            first.run();
        } finally {
            second.run();
        }
    }

    /**
     * The marker-phrase classifier as the server's second opinion on answers the model did not flag.
     *
     * @param markers the phrases
     * @return the classifier
     */
    public static AnswerClassifier markers(MarkerClassifier markers) {
        Objects.requireNonNull(markers, "markers");
        return (question, answer) -> markers.find(answer);
    }

    /**
     * The keyed user hash of the servlet API's log lines: {@code uh_} and the first 16 characters of the
     * base64url HMAC-SHA256 of {@code "log:" + userId} under {@code key}. Stable as long as the key is, not
     * reversible or recomputable without it (pseudonymous in the DSGVO sense). Thread-safe.
     *
     * @return the hash function
     * @throws IllegalArgumentException when the key is shorter than 16 bytes
     * @param key at least 16 bytes, e.g. the user-id cookie secret ({@code USER_ID_COOKIE_SECRET})
     */
    public static Function<String, String> keyedUserHash(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < Settings.MIN_COOKIE_SECRET_BYTES) {
            throw new IllegalArgumentException("the user hash key must be at least " + Settings.MIN_COOKIE_SECRET_BYTES
                    + " bytes, was " + key.length);
        }
        HmacSha256 hmac = new HmacSha256(key);
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return userId -> "uh_" + base64.encodeToString(hmac.mac("log:" + userId)).substring(0, 16);
    }

    /** The context's {@link RequestContext#USER_HASH}, else what {@code userHasher} makes of the user id. */
    static String userHash(RequestContext context, Function<String, String> userHasher) {
        String given = context.attribute(RequestContext.USER_HASH);
        return given != null ? given : userHasher.apply(context.userId());
    }
}

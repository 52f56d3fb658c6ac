package com.landki.interview.chatkit.server;

import com.landki.interview.chatkit.server.types.RequestContext;
import com.landki.interview.chatkit.server.types.ThreadItem;
import java.util.List;

/**
 * Receives thumbs up/down from {@code items.feedback} and the reports of the out-of-scope card (kind
 * {@link #OUT_OF_SCOPE}), e.g. to write them to the feedback store. Called on the
 * request thread after the server checked that the thread belongs to the caller; must be thread-safe. An
 * exception fails the request.
 */
@FunctionalInterface
public interface FeedbackListener {

    /** {@code kind} value for thumbs up. */
    String POSITIVE = "positive";
    /** {@code kind} value for thumbs down. */
    String NEGATIVE = "negative";
    /** {@code kind} value of a report from the out-of-scope card ({@link ChatKitServer#OUT_OF_SCOPE_ACTION}). */
    String OUT_OF_SCOPE = "out_of_scope";

    /**
     * A user rated answers ({@code items.feedback}) or reported one as out of scope (the card's action). Called on
     * the request's thread; a failure fails the request (for the card: an {@code error} event, the card stays).
     *
     * @param feedback what was rated and how
     */
    void onFeedback(Feedback feedback);

    /**
     * One feedback: the caller, the thread, the rated items as stored (unknown ids are left out),
     * {@code kind} ({@link #POSITIVE}, {@link #NEGATIVE} or {@link #OUT_OF_SCOPE}) and the user message the first
     * rated item answers (or null). For {@link #OUT_OF_SCOPE} the items are the assistant messages of the reported
     * turn, read from the thread.
     */
    record Feedback(RequestContext context, String threadId, List<ThreadItem> items, String kind,
                    String question) {

        /**
         * Copies the item list, so the value stays immutable.
         *
         * @param context the caller
         * @param threadId the thread
         * @param items the rated items; not {@code null}
         * @param kind {@link #POSITIVE}, {@link #NEGATIVE} or {@link #OUT_OF_SCOPE}
         * @param question the user message answered, or {@code null}
         */
        public Feedback {
            items = List.copyOf(items);
        }

        /**
         * The rated items' assistant text, joined by blank lines.
         *
         * @return the text, empty when no rated item is an assistant message
         */
        public String answer() {
            StringBuilder text = new StringBuilder();
            for (ThreadItem item : items) {
                if (item instanceof com.landki.interview.chatkit.server.types.AssistantMessageItem message) {
                    if (text.length() > 0) {
                        text.append("\n\n");
                    }
                    text.append(message.text());
                }
            }
            return text.toString();
        }
    }
}

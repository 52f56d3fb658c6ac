package com.landki.interview.chatkit.server.agent.internal;

import com.landki.interview.chatkit.server.responder.StreamException;

/**
 * The characters one turn's answer may grow to, across all its responses (text, refusals, reasoning summaries):
 * everything the turn holds in memory grows with them. Over the limit the turn ends with a ChatKit {@code error}
 * (not retryable: the same question would run into it again), the upstream call is cancelled (the failure is
 * thrown on the stream's thread) and nothing of the answer is stored. Confined to the turn's thread.
 */
public final class AnswerLimit {

    private final int maxChars;
    private long chars;

    /** @param maxChars the most characters; {@code 0} for no limit */
    public AnswerLimit(int maxChars) {
        this.maxChars = maxChars;
    }

    /** Counts {@code more} characters of the answer. @throws StreamException when the answer is now too long */
    void add(int more) {
        chars += more;
        if (maxChars > 0 && chars > maxChars) {
            throw StreamException.streamError(false, "the answer is longer than " + maxChars
                    + " characters (CHATKIT_MAX_ANSWER_CHARS); the Responses stream was cancelled", null);
        }
    }
}

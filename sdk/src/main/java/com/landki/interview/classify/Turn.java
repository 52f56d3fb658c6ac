package com.landki.interview.classify;

import java.util.List;

/**
 * One exchange to classify: the user's question, the assistant's answer, and every item of the turn
 * after the question (assistant messages, client tool calls, widgets), oldest first. Built from a thread
 * by {@link ThreadClassifier}, or by hand from text with {@link #of(String, String)}.
 *
 * @param question the user's question, {@code null} when unknown
 * @param answer   the assistant's answer, {@code null} when the turn has none (only tool calls or widgets)
 * @param items    the turn's items after the question; never {@code null}
 */
public record Turn(String question, String answer, List<ChatItem> items) {

    /** Copies {@code items} (a {@code null} list becomes empty). */
    public Turn {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** A turn known only by its text, as {@code POST /classify} receives it. */
    public static Turn of(String question, String answer) {
        return new Turn(question, answer, List.of());
    }
}

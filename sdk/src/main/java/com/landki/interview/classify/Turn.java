package com.landki.interview.classify;

import java.util.ArrayList;
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

    /**
     * Copies {@code items} (a {@code null} list becomes empty).
     *
     * @param question the user message, or {@code null}
     * @param answer the assistant message, or {@code null}
     * @param items the turn's items, or {@code null}
     */
    public Turn {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /**
     * The last turn of a thread: the last assistant message, the user message before it, and the items in
     * between and after it up to the next user message. A thread whose newest turn has no assistant
     * message (only tool calls or widgets) gives the last user message and the items after it, with no
     * answer; a thread without items gives an empty turn.
     *
     * @return the turn
     * @param items thread items, oldest first
     */
    public static Turn lastOf(List<ChatItem> items) {
        int answerAt = -1;
        for (int i = items.size() - 1; i >= 0; i--) {
            if (items.get(i).isAssistantMessage()) {
                answerAt = i;
                break;
            }
        }
        int questionAt = -1;
        for (int i = (answerAt >= 0 ? answerAt : items.size()) - 1; i >= 0; i--) {
            if (items.get(i).isUserMessage()) {
                questionAt = i;
                break;
            }
        }
        int end = items.size();
        for (int i = Math.max(answerAt, questionAt) + 1; i < items.size(); i++) {
            if (items.get(i).isUserMessage()) {
                end = i; // a newer question without an answer yet starts the next turn
                break;
            }
        }
        List<ChatItem> turnItems = new ArrayList<>(items.subList(questionAt + 1, end));
        String question = questionAt >= 0 ? items.get(questionAt).text() : null;
        String answer = answerAt >= 0 ? items.get(answerAt).text() : null;
        return new Turn(question, answer, turnItems);
    }

    /**
     * A turn known only by its text, as {@code POST /classify} receives it.
     *
     * @param question the user's question, or {@code null}
     * @param answer the answer text
     * @return the turn, without items
     */
    public static Turn of(String question, String answer) {
        return new Turn(question, answer, List.of());
    }
}

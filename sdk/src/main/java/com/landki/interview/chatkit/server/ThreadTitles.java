package com.landki.interview.chatkit.server;

import com.landki.interview.chatkit.Page;
import com.landki.interview.chatkit.server.responder.ResponseTurn;
import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.chatkit.server.types.AssistantMessageItem;
import com.landki.interview.chatkit.server.types.ThreadItem;
import com.landki.interview.chatkit.server.types.ThreadMetadata;
import com.landki.interview.chatkit.server.types.ThreadStreamEvent;
import com.landki.interview.chatkit.server.types.ThreadView;
import com.landki.interview.chatkit.server.types.UserMessageItem;
import java.util.List;

/**
 * Automatic thread titles: a thread starts untitled (as in chatkit-python) and, after its first complete answer,
 * gets the first line of its first question as title (at most {@link ChatKitServer#TITLE_LENGTH} characters), sent
 * as {@code thread.updated}. A heuristic, no model call: it costs nothing and never fails the answer. A thread the
 * user renamed meanwhile keeps its name.
 */
final class ThreadTitles {

    private final ThreadStore store;
    private final boolean enabled;

    ThreadTitles(ThreadStore store, boolean enabled) {
        this.store = store;
        this.enabled = enabled;
    }

    /** After a complete answer of {@code turn} that produced {@code answered}. */
    void afterAnswer(ResponseTurn turn, List<AssistantMessageItem> answered) {
        if (!enabled || answered.isEmpty() || turn.thread().title() != null) {
            return;
        }
        String userId = turn.context().userId();
        ThreadMetadata current = store.loadThread(userId, turn.thread().id()).orElse(null);
        if (current == null || current.title() != null) {
            return;
        }
        String title = title(firstQuestion(turn));
        if (title == null) {
            return;
        }
        ThreadMetadata titled = current.withTitle(title);
        store.saveThread(userId, titled);
        turn.emit(new ThreadStreamEvent.ThreadUpdated(ThreadView.of(titled, Page.empty())));
    }

    private static String firstQuestion(ResponseTurn turn) {
        for (ThreadItem item : turn.history()) {
            if (item instanceof UserMessageItem user) {
                return user.text();
            }
        }
        return turn.input() == null ? "" : turn.input().text();
    }

    /** The first non-blank line of {@code text}, shortened with an ellipsis; null when there is none. */
    static String title(String text) {
        String line = text.strip().lines().findFirst().orElse("").strip();
        if (line.isEmpty()) {
            return null;
        }
        int max = ChatKitServer.TITLE_LENGTH;
        return line.length() <= max ? line : line.substring(0, max - 1).stripTrailing() + "…";
    }
}

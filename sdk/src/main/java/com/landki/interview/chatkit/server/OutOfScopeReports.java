package com.landki.interview.chatkit.server;

import com.landki.interview.chatkit.server.responder.ResponseTurn;
import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.chatkit.server.types.AssistantMessageItem;
import com.landki.interview.chatkit.server.types.ChatKitException;
import com.landki.interview.chatkit.server.types.RequestContext;
import com.landki.interview.chatkit.server.types.ThreadItem;
import com.landki.interview.chatkit.server.types.ThreadItemUpdate;
import com.landki.interview.chatkit.server.types.ThreadStreamEvent;
import com.landki.interview.chatkit.server.types.UserMessageItem;
import com.landki.interview.chatkit.server.types.WidgetItem;
import com.landki.interview.chatkit.server.widgets.ActionConfig;
import com.landki.interview.chatkit.server.widgets.Badge;
import com.landki.interview.chatkit.server.widgets.Button;
import com.landki.interview.chatkit.server.widgets.Card;
import com.landki.interview.chatkit.server.widgets.Col;
import com.landki.interview.chatkit.server.widgets.Icon;
import com.landki.interview.chatkit.server.widgets.Row;
import com.landki.interview.chatkit.server.widgets.Text;
import com.landki.interview.chatkit.server.widgets.Title;
import com.landki.interview.chatkit.server.widgets.WidgetRoot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The out-of-scope card: after an answer flagged as out of scope (the model's {@code report_out_of_scope}, or the
 * classifier's markers) the stream carries a widget item with a card and a button; its action
 * ({@link ChatKitServer#OUT_OF_SCOPE_ACTION}, sent back as {@code threads.custom_action}) stores one feedback
 * entry with the question and the answer taken from the thread (never from the client) and turns the card into
 * its thank-you state, stored and sent as {@code widget.root.updated}. A card already thanked stores nothing
 * again. Only offered when the server has a {@link FeedbackListener}. Thread-safe.
 */
final class OutOfScopeReports {

    static final String TITLE = "Diese Frage liegt außerhalb der Dokumente";
    static final String HINT = "Melden Sie sie als Feedback, damit die Unterlagen ergänzt werden können.";
    static final String BUTTON = "Als Feedback melden";
    static final String THANKS = "Danke! Ihr Hinweis wurde gespeichert.";
    /** {@code key} of the card while it offers the report. */
    static final String OFFER_KEY = "out_of_scope.offer";
    /** {@code key} of the card once the report is stored. */
    static final String THANKS_KEY = "out_of_scope.thanks";

    private final ChatKitServer server;
    private final ThreadStore store;
    private final FeedbackListener listener;
    /** Striped locks by card id: two clicks at once store one entry (within this process). */
    private final Object[] locks = new Object[32];

    OutOfScopeReports(ChatKitServer server, ThreadStore store, FeedbackListener listener) {
        this.server = server;
        this.store = store;
        this.listener = listener;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /** Whether the card is offered at all: only when feedback has somewhere to go. */
    boolean enabled() {
        return listener != null;
    }

    /** Streams the card after an out-of-scope answer, as chatkit-python's {@code stream_widget} does. */
    void offer(ResponseTurn turn) {
        WidgetItem card = new WidgetItem(server.newId("wgt"), turn.thread().id(), server.clock().instant(), offerCard(),
                TITLE);
        turn.emit(new ThreadStreamEvent.ThreadItemAdded(card));
        turn.emit(new ThreadStreamEvent.ThreadItemDone(card));
    }

    /**
     * Checks the sender now (before anything streams) and returns the work to do in the stream.
     *
     * @param sender the widget item the action came from, or {@code null}
     * @throws ChatKitException 400 without a sender or when the widget is not the card
     */
    Function<ResponseTurn, CompletionStage<Void>> prepare(ThreadItem sender) {
        if (sender == null) {
            throw ChatKitException.validation("params.item_id", "is required for " + ChatKitServer.OUT_OF_SCOPE_ACTION);
        }
        if (!isCard(sender)) {
            throw ChatKitException.validation("params.item_id", "must name an out-of-scope card");
        }
        String itemId = sender.id();
        return turn -> {
            report(turn, itemId);
            return CompletableFuture.completedFuture(null);
        };
    }

    private void report(ResponseTurn turn, String itemId) {
        RequestContext context = turn.context();
        String threadId = turn.thread().id();
        synchronized (locks[Math.floorMod(itemId.hashCode(), locks.length)]) {
            WidgetItem card = (WidgetItem) store.loadItem(context.userId(), threadId, itemId)
                    .filter(OutOfScopeReports::isCard)
                    .orElseThrow(() -> ChatKitException.notFound("item", itemId));
            WidgetRoot thanks = thanksCard();
            if (!THANKS_KEY.equals(card.widget().key())) {
                Turn answered = turnBefore(context, threadId, itemId);
                listener.onFeedback(new FeedbackListener.Feedback(context, threadId, answered.answers,
                        FeedbackListener.OUT_OF_SCOPE, answered.question));
                store.saveItem(context.userId(), threadId, card.withWidget(thanks));
            }
            turn.emit(new ThreadStreamEvent.ThreadItemUpdated(itemId, new ThreadItemUpdate.WidgetRootUpdated(thanks)));
        }
    }

    private record Turn(String question, List<ThreadItem> answers) {
    }

    /** The question and the answers of the turn the card closes: the user message before it and what followed. */
    private Turn turnBefore(RequestContext context, String threadId, String cardId) {
        String question = null;
        List<ThreadItem> answers = new ArrayList<>();
        for (ThreadItem item : store.listItems(context.userId(), threadId, Integer.MAX_VALUE, null, ThreadStore.ASC)
                .data()) {
            if (item.id().equals(cardId)) {
                break;
            }
            if (item instanceof UserMessageItem user) {
                question = user.text();
                answers.clear();
            } else if (item instanceof AssistantMessageItem) {
                answers.add(item);
            }
        }
        return new Turn(question, answers);
    }

    static boolean isCard(ThreadItem item) {
        return item instanceof WidgetItem widget
                && (OFFER_KEY.equals(widget.widget().key()) || THANKS_KEY.equals(widget.widget().key()));
    }

    static Card offerCard() {
        return Card.builder().key(OFFER_KEY).size("md")
                .child(Row.builder().gap(3).align("start")
                        .child(Icon.builder("info").color("secondary").size("lg").build())
                        .child(Col.builder().gap(1)
                                .child(Title.builder(TITLE).size("sm").build())
                                .child(Text.builder(HINT).size("sm").color("secondary").build())
                                .build())
                        .build())
                .child(Row.builder().justify("end")
                        .child(Button.builder(BUTTON).style("primary").iconStart("check")
                                .onClickAction(ActionConfig.of(ChatKitServer.OUT_OF_SCOPE_ACTION, null)
                                        .withLoadingBehavior("container"))
                                .build())
                        .build())
                .build();
    }

    static Card thanksCard() {
        return Card.builder().key(THANKS_KEY).size("md")
                .child(Row.builder().gap(2).align("center")
                        .child(Badge.builder("Gemeldet").color("success").build())
                        .child(Text.builder(THANKS).build())
                        .build())
                .build();
    }
}

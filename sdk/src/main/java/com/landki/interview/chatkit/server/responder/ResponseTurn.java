package com.landki.interview.chatkit.server.responder;

import com.landki.interview.chatkit.server.ChatKitServer;
import com.landki.interview.chatkit.server.AnswerListener;
import com.landki.interview.chatkit.server.types.Attachment;
import com.landki.interview.chatkit.server.types.RequestContext;
import com.landki.interview.chatkit.server.types.ThreadItem;
import com.landki.interview.chatkit.server.types.ThreadMetadata;
import com.landki.interview.chatkit.server.types.ThreadStreamEvent;
import com.landki.interview.chatkit.server.types.UserMessageItem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One answer in progress, handed to a {@link ChatKitResponder}. The responder {@link #emit emits} thread
 * stream events; the server stores each item on {@code thread.item.done} (never a half item) and sends the
 * event to the page. Used by one thread at a time (an asynchronous responder's callbacks may run on different
 * threads, one after the other), except {@link #isCancelled()}, which any thread may call.
 */
public interface ResponseTurn {

    /**
     * The caller.
     *
     * @return the request context
     */
    RequestContext context();

    /**
     * The thread being answered.
     *
     * @return the thread
     */
    ThreadMetadata thread();

    /**
     * The user message to answer, or null when the turn continues after a client tool output.
     *
     * @return the message, or {@code null}
     */
    UserMessageItem input();

    /**
     * The thread's stored items, oldest first (the newest {@value ChatKitServer#HISTORY_LIMIT} at most).
     *
     * @return an immutable list
     */
    List<ThreadItem> history();

    /**
     * The stored bytes of one of the caller's attachments (as carried by a user message of {@link #history()}),
     * or empty when it was deleted or the server keeps none.
     *
     * @param attachment an attachment of a user message in {@link #history()}
     * @return the bytes, or empty
     */
    default Optional<byte[]> attachmentContent(Attachment attachment) {
        return Optional.empty();
    }

    /**
     * The request's {@code metadata} object.
     *
     * @return the metadata, empty when none
     */
    Map<String, Object> requestMetadata();

    /**
     * A fresh id for a new item, e.g. {@code newItemId("msg")} gives {@code msg_…}.
     *
     * @param prefix e.g. {@code msg}
     * @return a new unique id
     */
    String newItemId(String prefix);

    /**
     * The server's clock.
     *
     * @return the current instant
     */
    Instant now();

    /**
     * Sends {@code event} to the page (and stores the item of a {@code thread.item.done}).
     *
     * @param event the event to send
     * @throws StreamCancelledException when the page is gone; let it propagate
     */
    void emit(ThreadStreamEvent event);

    /**
     * Emits a {@code progress_update}.
     *
     * @param text the progress line shown to the user
     */
    default void progress(String text) {
        emit(new ThreadStreamEvent.ProgressUpdate(null, text));
    }

    /**
     * Marks this answer as out of scope: sends the {@code client_effect} {@code out_of_scope} with
     * {@code {reason}} now and reports the answer as out of scope to the {@link AnswerListener} when the turn has ended.
     *
     * @param reason a short reason, stored with the chat event
     */
    void reportOutOfScope(String reason);

    /**
     * True once the page disconnected or the answer was cancelled.
     *
     * @return {@code true} when the answer is no longer wanted
     */
    boolean isCancelled();

    /**
     * Completes when the page can take more events; a responder that streams asynchronously reads its next
     * upstream chunk only then (back-pressure without a waiting thread). The default is always ready.
     *
     * @return a stage that completes when the page can take more
     */
    default CompletionStage<?> ready() {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Runs {@code action} when the turn is cancelled (at once if it already is), e.g. to abort an upstream call.
     *
     * @param action runs once, on the cancelling thread
     */
    void onCancel(Runnable action);
}

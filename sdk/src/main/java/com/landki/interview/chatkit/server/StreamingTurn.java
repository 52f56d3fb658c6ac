package com.landki.interview.chatkit.server;

import com.landki.interview.chatkit.server.responder.EventSink;
import com.landki.interview.chatkit.server.responder.ResponseTurn;
import com.landki.interview.chatkit.server.responder.StreamCancelledException;
import com.landki.interview.chatkit.server.responder.StreamException;
import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.chatkit.server.types.AssistantMessageItem;
import com.landki.interview.chatkit.server.types.Attachment;
import com.landki.interview.chatkit.server.types.ChatKitException;
import com.landki.interview.chatkit.server.types.HiddenContextItem;
import com.landki.interview.chatkit.server.types.RequestContext;
import com.landki.interview.chatkit.server.types.ThreadItem;
import com.landki.interview.chatkit.server.types.ThreadMetadata;
import com.landki.interview.chatkit.server.types.ThreadStreamEvent;
import com.landki.interview.chatkit.server.types.UserMessageItem;
import com.landki.interview.internal.LogContext;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one streamed answer: runs the prelude (store and announce the user message), lets the responder emit, stores items on
 * {@code thread.item.done}, turns failures into an {@code error} event and reports every finished answer at the
 * end. Runs on the thread that calls {@link #start} and then on the responder's callbacks, one at a time; {@link
 * #cancel()} and {@link #isCancelled()} may be called from any thread.
 */
final class StreamingTurn implements ResponseTurn, ChatKitResult.StreamBody {

    private static final Logger LOG = LoggerFactory.getLogger(StreamingTurn.class);
    /** The hidden note for the model after a cancel, in chatkit-python's words. */
    static final String CANCELLED_NOTE = "The user cancelled the stream. Stop responding to the prior request.";
    /** The hidden note for the model after the idle timeout. */
    static final String IDLE_NOTE = "The previous response stopped because the model sent nothing for too long;"
            + " it may be incomplete. Do not continue it unless the user asks.";

    private final ChatKitServer server;
    private final RequestContext context;
    private final ThreadMetadata thread;
    private final UserMessageItem input;
    private final Map<String, Object> requestMetadata;
    private final Consumer<ResponseTurn> prelude;
    private final Function<ResponseTurn, CompletionStage<Void>> body;
    private final List<Runnable> cancelActions = new CopyOnWriteArrayList<>();
    private final List<AssistantMessageItem> answered = new ArrayList<>();
    private final PendingItems pending = new PendingItems();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private volatile boolean cancelled;
    private volatile boolean started;
    /** The answer's own work is over (complete or failed); a cancel now keeps nothing. Guarded by this. */
    private boolean answerOver;
    /** The stream has ended for the page; guarded by this. */
    private boolean ended;
    private long lastEventNanos;
    private EventSink sink;
    private String outOfScopeReason;
    private List<ThreadItem> history;
    /** The MDC of the request that started the turn, for the responder's completion and the idle checks. */
    private final LogContext log = LogContext.capture();

    StreamingTurn(ChatKitServer server, RequestContext context, ThreadMetadata thread, UserMessageItem input,
                  Map<String, Object> requestMetadata, Consumer<ResponseTurn> prelude,
                  Function<ResponseTurn, CompletionStage<Void>> body) {
        this.server = server;
        this.context = context;
        this.thread = thread;
        this.input = input;
        this.requestMetadata = requestMetadata;
        this.prelude = prelude;
        this.body = body;
    }

    @Override
    public CompletableFuture<Void> start(EventSink eventSink) {
        synchronized (this) {
            if (started) {
                throw new IllegalStateException("a streamed result runs once");
            }
            started = true;
            this.sink = eventSink;
            lastEventNanos = System.nanoTime();
        }
        server.streamStarted();
        scheduleIdleCheck(server.streamIdleTimeout().toNanos());
        CompletionStage<Void> answer;
        try {
            if (prelude != null) {
                prelude.accept(this);
            }
            // as in the reference: the user message first, then the options of the answer's stream
            emit(new ThreadStreamEvent.StreamOptions(new ThreadStreamEvent.StreamOptions.Options(true)));
            answer = body.apply(this);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete(log.wrap((ignored, failure) -> finish(failure)));
        return finished;
    }

    /** The responder is done: report the answer (or the failure as an {@code error} event), then end. */
    private void finish(Throwable failure) {
        synchronized (this) {
            answerOver = true;
        }
        try {
            if (cancelled) {
                LOG.debug("stream for thread {} ended after cancel", thread.id());
            } else if (failure == null) {
                classifyAnswer();
                server.titles().afterAnswer(this, answered);
            } else {
                fail(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            }
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            end();
        }
    }

    /** A failed answer: an {@code error} event the page shows (nothing when it is gone). */
    private void fail(Throwable failure) {
        if (failure instanceof StreamCancelledException e) {
            LOG.debug("stream for thread {} cancelled: {}", thread.id(), e.getMessage());
        } else if (failure instanceof StreamException e) {
            LOG.warn("answer for thread {} failed: {}", thread.id(), e.getMessage(), e.getCause());
            sendQuietly(e.toEvent(), false);
        } else if (failure instanceof ChatKitException e) {
            sendQuietly(new ThreadStreamEvent.Error(ThreadStreamEvent.Error.CUSTOM, e.getMessage(), false), false);
        } else {
            LOG.error("answer for thread {} failed", thread.id(), failure);
            sendQuietly(new ThreadStreamEvent.Error(ThreadStreamEvent.Error.STREAM_ERROR, null, true), false);
        }
    }

    /** Once: the stream is over for the page. */
    private void end() {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        server.streamEnded();
        finished.complete(null);
    }

    /**
     * The page went away (or the host cancelled): the upstream call is aborted, and what the page already saw of
     * the answer is kept, as chatkit-python's default {@code handle_stream_cancelled} does: the pending assistant
     * messages with text and a hidden note for the model that the user stopped the answer.
     */
    @Override
    public void cancel() {
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            if (started && !answerOver) {
                keepPartialAnswer(CANCELLED_NOTE, false);
            }
        }
        runCancelActions();
    }

    /** Checks for an idle stream {@code delayNanos} from now (nothing when the timeout is off). */
    private void scheduleIdleCheck(long delayNanos) {
        if (server.streamIdleTimeout().isZero()) {
            return;
        }
        server.scheduleIdleCheck(log.wrap(this::checkIdle), Math.max(delayNanos, 1));
    }

    /**
     * No event for the idle timeout: the upstream call is aborted, the half answer is kept as on cancel and also
     * finished for the page ({@code thread.item.done}), and the page gets a retryable {@code stream.error}.
     */
    private void checkIdle() {
        long timeout = server.streamIdleTimeout().toNanos();
        synchronized (this) {
            if (cancelled || answerOver) {
                return;
            }
            long idle = System.nanoTime() - lastEventNanos;
            if (idle < timeout) {
                scheduleIdleCheck(timeout - idle);
                return;
            }
            LOG.warn("answer for thread {} sent nothing for {}; ending it with a retryable error", thread.id(),
                    server.streamIdleTimeout());
            cancelled = true;
            keepPartialAnswer(IDLE_NOTE, true);
            sendQuietly(new ThreadStreamEvent.Error(ThreadStreamEvent.Error.STREAM_ERROR, null, true), true);
        }
        runCancelActions();
        end();
    }

    /** Stores the pending assistant messages with text (and shows them done if asked) and a hidden note. */
    private void keepPartialAnswer(String note, boolean showDone) {
        ThreadStore store = server.store();
        try {
            for (AssistantMessageItem message : pending.messagesWithText()) {
                store.saveItem(context.userId(), thread.id(), message);
                if (showDone) {
                    sendQuietly(new ThreadStreamEvent.ThreadItemDone(message), true);
                }
            }
            store.saveItem(context.userId(), thread.id(),
                    new HiddenContextItem(server.newId("shcx"), thread.id(), server.clock().instant(), note));
            history = null;
        } catch (RuntimeException e) {
            LOG.warn("could not keep the partial answer of thread {}", thread.id(), e);
        }
    }

    private void runCancelActions() {
        for (Runnable action : cancelActions) {
            runQuietly(action);
        }
    }

    @Override
    public RequestContext context() {
        return context;
    }

    @Override
    public Optional<byte[]> attachmentContent(Attachment attachment) {
        return server.attachmentContent(context, attachment);
    }

    @Override
    public ThreadMetadata thread() {
        return thread;
    }

    @Override
    public UserMessageItem input() {
        return input;
    }

    @Override
    public List<ThreadItem> history() {
        if (history == null) {
            List<ThreadItem> newestFirst = server.store().listItems(context.userId(), thread.id(),
                    ChatKitServer.HISTORY_LIMIT, null, ThreadStore.DESC).data();
            List<ThreadItem> oldestFirst = new ArrayList<>(newestFirst);
            Collections.reverse(oldestFirst);
            history = List.copyOf(oldestFirst);
        }
        return history;
    }

    @Override
    public Map<String, Object> requestMetadata() {
        return requestMetadata;
    }

    @Override
    public String newItemId(String prefix) {
        return server.newId(prefix);
    }

    @Override
    public Instant now() {
        return server.clock().instant();
    }

    @Override
    public synchronized void emit(ThreadStreamEvent event) {
        if (cancelled) {
            throw new StreamCancelledException("the answer was cancelled", null);
        }
        ThreadStore store = server.store();
        String user = context.userId();
        if (event instanceof ThreadStreamEvent.ThreadItemDone done) {
            // stored before it is sent, as the reference does: what the page saw complete is never lost
            store.saveItem(user, thread.id(), done.item());
            history = null;
            if (done.item() instanceof AssistantMessageItem message) {
                answered.add(message);
            }
        } else if (event instanceof ThreadStreamEvent.ThreadItemReplaced replaced) {
            store.saveItem(user, thread.id(), replaced.item());
            history = null;
        } else if (event instanceof ThreadStreamEvent.ThreadItemRemoved removed) {
            store.deleteItem(user, thread.id(), removed.itemId());
            history = null;
        }
        pending.track(event);
        lastEventNanos = System.nanoTime();
        if (event instanceof ThreadStreamEvent.ThreadItemDone done && done.item().hidden()) {
            return;
        }
        try {
            sink.accept(event);
        } catch (IOException | RuntimeException e) {
            cancel();
            throw new StreamCancelledException("the page disconnected", e);
        }
    }

    @Override
    public void reportOutOfScope(String reason) {
        if (outOfScopeReason == null) {
            outOfScopeReason = reason == null ? "" : reason;
            emit(new ThreadStreamEvent.ClientEffect(ChatKitServer.OUT_OF_SCOPE_EFFECT, Map.of("reason", outOfScopeReason)));
        }
    }

    @Override
    public CompletionStage<?> ready() {
        return cancelled ? CompletableFuture.completedFuture(null) : sink.ready();
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void onCancel(Runnable action) {
        cancelActions.add(action);
        if (cancelled) {
            runQuietly(action);
        }
    }

    /** After a complete answer: the model's own flag wins, otherwise ask the classifier; always reported. */
    private void classifyAnswer() {
        String question = input == null ? lastQuestion() : input.text();
        String answer = answered.stream().map(AssistantMessageItem::text).reduce((a, b) -> a + "\n\n" + b).orElse("");
        String itemId = answered.isEmpty() ? null : answered.get(answered.size() - 1).id();
        String source = outOfScopeReason != null ? AnswerListener.STRUCTURED : AnswerListener.NONE;
        String reason = outOfScopeReason;
        if (reason == null && server.classifier() != null && !answer.isEmpty()) {
            Optional<String> marker = server.classifier().outOfScope(question, answer);
            if (marker.isPresent()) {
                reason = marker.get();
                source = AnswerListener.MARKER;
                emit(new ThreadStreamEvent.ClientEffect(ChatKitServer.OUT_OF_SCOPE_EFFECT, Map.of("reason", reason)));
            }
        }
        if (reason == null && answer.isEmpty()) {
            return; // no answer text (e.g. only a client tool call): nothing was answered yet
        }
        if (reason != null && !answer.isEmpty() && server.outOfScope().enabled()) {
            server.outOfScope().offer(this);
        }
        AnswerListener listener = server.answerListener();
        if (listener != null) {
            AnswerListener.Answer event = new AnswerListener.Answer(context, thread.id(), itemId, question, answer,
                    reason != null, reason, source);
            try {
                listener.onAnswer(event);
            } catch (RuntimeException e) {
                LOG.warn("answer listener failed for thread {}", thread.id(), e);
            }
        }
    }

    private String lastQuestion() {
        List<ThreadItem> items = history();
        for (int i = items.size() - 1; i >= 0; i--) {
            if (items.get(i) instanceof UserMessageItem user) {
                return user.text();
            }
        }
        return "";
    }

    /** Sends {@code event} unless the answer was cancelled ({@code evenIfCancelled} for the idle timeout's own events). */
    private synchronized void sendQuietly(ThreadStreamEvent event, boolean evenIfCancelled) {
        if (cancelled && !evenIfCancelled) {
            return;
        }
        try {
            sink.accept(event);
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not send {} to a gone page", event.type(), e);
            cancel();
        }
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("cancel action failed", e);
        }
    }
}

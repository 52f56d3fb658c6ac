package com.landki.interview.chatkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.landki.interview.chatkit.server.responder.ChatKitResponder;
import com.landki.interview.chatkit.server.responder.Transcriber;
import com.landki.interview.chatkit.server.store.AttachmentStore;
import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.chatkit.server.types.Attachment;
import com.landki.interview.chatkit.server.types.AttachmentContent;
import com.landki.interview.chatkit.server.types.ChatKitException;
import com.landki.interview.chatkit.server.types.RequestContext;
import com.landki.interview.chatkit.server.types.internal.ProtocolJson;
import java.security.SecureRandom;
import com.landki.interview.config.ConfigSource;
import com.landki.interview.config.Settings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ChatKit server protocol, as spoken by OpenAI's ChatKit front end when it is configured with
 * {@code api: {url, domainKey}}: one JSON request {@code {type, params, metadata}} in, JSON or a stream of
 * thread stream events out. Threads and items live in a {@link ThreadStore}, scoped to the user id of the
 * {@link RequestContext}; answers come from a {@link ChatKitResponder}.
 *
 * <pre>{@code
 * ChatKitServer server = ChatKitServer.builder().store(ThreadStore.inMemory()).responder(agent).build();
 * ChatKitResult result = server.process(body, RequestContext.of(userId));
 * if (result.isStreaming()) result.writeTo(out); else out.write(result.json());
 * }</pre>
 *
 * <p>Build one and share it: instances are immutable and thread-safe; each streamed answer runs on the thread
 * that calls {@link ChatKitResult#stream}. Knows no servlet or web server.
 */
public final class ChatKitServer {

    /** Items per page when a request names no {@code limit}, as in the reference server. */
    public static final int DEFAULT_PAGE_SIZE = 20;
    /** Largest page served: a larger {@code limit} is served as this many (not refused). */
    public static final int MAX_PAGE_SIZE = 500;
    /** How many of a thread's newest items a responder sees as history. */
    public static final int HISTORY_LIMIT = 100;
    /** Longest generated thread title, in characters. */
    public static final int TITLE_LENGTH = 60;
    /** The {@code client_effect} name sent for an out-of-scope answer. */
    public static final String OUT_OF_SCOPE_EFFECT = "out_of_scope";
    /**
     * The action type of the out-of-scope card's button ({@code threads.custom_action} with the card's
     * {@code item_id}): stores one feedback entry (kind {@link FeedbackListener#OUT_OF_SCOPE}) and turns the card
     * into its thank-you state. The card follows every out-of-scope answer when a {@link FeedbackListener} is set.
     */
    public static final String OUT_OF_SCOPE_ACTION = "out_of_scope.report";

    private static final Logger LOG = LoggerFactory.getLogger(ChatKitServer.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String NO_ATTACHMENTS = "Attachments are not supported by this assistant.";
    static final String NO_DICTATION = "Dictation is not supported by this assistant.";

    private final ThreadStore store;
    private final AnswerListener answerListener;
    private final AnswerClassifier classifier;
    private final Clock clock;
    private final ThreadRequests threads;
    private final TurnRequests turns;
    private final AttachmentStore attachmentStore;
    private final AttachmentOptions attachmentOptions;
    private final AttachmentRequests attachments;
    private final DictationOptions dictationOptions;
    private final DictationRequests dictation;
    private final ThreadTitles titles;
    private final OutOfScopeReports outOfScope;
    private final Duration streamIdleTimeout;
    private final ScheduledExecutorService idleScheduler;
    private final AtomicInteger activeStreams = new AtomicInteger();

    private ChatKitServer(Builder builder) {
        this.store = builder.store;
        this.answerListener = builder.answerListener;
        this.classifier = builder.classifier;
        this.clock = builder.clock;
        this.attachmentStore = builder.attachmentStore;
        this.attachmentOptions = builder.attachmentOptions;
        this.attachments = attachmentStore == null ? null
                : new AttachmentRequests(this, attachmentStore, attachmentOptions);
        this.dictationOptions = builder.dictationOptions;
        this.dictation = builder.transcriber == null ? null
                : new DictationRequests(builder.transcriber, builder.dictationOptions);
        this.threads = new ThreadRequests(store, builder.feedbackListener, attachments);
        this.outOfScope = new OutOfScopeReports(this, store, builder.feedbackListener);
        this.turns = new TurnRequests(this, threads, store, builder.responder, attachments, outOfScope);
        this.titles = new ThreadTitles(store, builder.threadTitles);
        this.streamIdleTimeout = builder.streamIdleTimeout;
        this.idleScheduler = builder.idleScheduler;
    }

    /**
     * A builder; {@link Builder#store} and {@link Builder#responder} are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Handles one request body for the caller in {@code context}. Non-streaming requests are done when this
     * returns; a streaming request is checked (thread exists and belongs to the caller, fields are valid) and
     * its answer runs when the result is streamed.
     *
     * @param requestJson the raw request body, UTF-8 JSON
     * @param context the caller (user id) and request facts; not {@code null}
     * @return a JSON body to send, or a stream to write as Server-Sent Events
     * @throws ChatKitException for malformed requests, unknown threads or items, and unsupported features
     */
    public ChatKitResult process(byte[] requestJson, RequestContext context) {
        Objects.requireNonNull(context, "context");
        ObjectNode request = RequestParams.parse(requestJson);
        String type = RequestParams.type(request);
        JsonNode params = RequestParams.object(request, "params");
        Map<String, Object> metadata = RequestParams.metadata(request);
        LOG.debug("chatkit request {}", type);
        return switch (type) {
            case "threads.get_by_id" -> json(threads.get(context, params));
            case "threads.list" -> json(threads.list(context, params));
            case "items.list" -> json(threads.listItems(context, params));
            case "threads.update" -> json(threads.update(context, params));
            case "threads.delete" -> json(threads.delete(context, params));
            case "items.feedback" -> json(threads.feedback(context, params));
            case "attachments.create" -> json(attachments().create(context, params));
            case "attachments.delete" -> json(attachments().delete(context, params));
            case "input.transcribe" -> json(dictation().transcribe(context, params));
            case "threads.create" -> turns.createThread(context, params, metadata);
            case "threads.add_user_message" -> turns.addUserMessage(context, params, metadata);
            case "threads.add_client_tool_output" -> turns.addClientToolOutput(context, params, metadata);
            case "threads.add_structured_input" -> turns.addStructuredInput(context, params, metadata);
            case "threads.retry_after_item" -> turns.retryAfterItem(context, params, metadata);
            case "threads.custom_action" -> turns.customAction(context, params, metadata);
            case "" -> throw ChatKitException.validation("type", "is required");
            default -> throw ChatKitException.validation("type", "is not a known request type: " + type);
        };
    }

    /**
     * The second phase of a two-phase upload: stores {@code content} as the bytes of the caller's attachment
     * {@code attachmentId} (the servlet's upload endpoint calls it) and returns the attachment as JSON, without
     * its upload descriptor.
     *
     * @param context      the caller
     * @param attachmentId the id {@code attachments.create} returned
     * @param content      the file's bytes
     * @return the attachment as ChatKit JSON (UTF-8)
     * @throws ChatKitException 404 {@code not_found} (no such attachment of the caller: never created, deleted,
     *                          another user's), 413 {@code payload_too_large}, 415 {@code unsupported_media_type}
     *                          (the bytes are not of the declared type), 409 {@code already_uploaded}, 400
     *                          {@code not_supported} without an attachment store
     */
    public byte[] uploadAttachment(RequestContext context, String attachmentId, byte[] content) {
        Objects.requireNonNull(context, "context");
        return ProtocolJson.write(attachments().upload(context, attachmentId, content));
    }

    /**
     * The bytes of the caller's uploaded image attachment, for its {@code preview_url}.
     *
     * @param context      the caller
     * @param attachmentId the attachment's id
     * @return the image's bytes and MIME type
     * @throws ChatKitException 404 for anything but an uploaded image of the caller
     */
    public AttachmentContent attachmentPreview(RequestContext context, String attachmentId) {
        Objects.requireNonNull(context, "context");
        return attachments().preview(context, attachmentId);
    }

    /**
     * Erases the attachments no message carries that are older than {@link AttachmentOptions#unusedAfter()};
     * also done by {@code attachments.create} at most every ten minutes.
     *
     * @return how many were erased; 0 without a store
     */
    public int sweepAttachments() {
        return attachments == null ? 0 : attachments.sweep();
    }

    /**
     * Retention: erases every thread created before {@code cutoff} (whoever owns it) with its items and the
     * attachments its messages carried. Operators call it (or let {@code CHATKIT_THREAD_RETENTION_DAYS} do it);
     * the protocol never reaches it.
     *
     * @param cutoff threads created strictly before this instant go
     * @return how many threads were erased
     */
    public int eraseThreadsCreatedBefore(Instant cutoff) {
        java.util.List<String> ids = store.threadIdsCreatedBefore(cutoff);
        int erased = store.eraseThreadsCreatedBefore(cutoff);
        if (attachments != null) {
            int files = 0;
            for (String id : ids) {
                files += attachments.eraseThread(id);
            }
            LOG.info("retention: erased {} threads created before {} and {} of their attachments", erased, cutoff,
                    files);
        }
        return erased;
    }

    /**
     * The periodic cleanup: erases the attachments no message carries that are older than
     * {@link AttachmentOptions#unusedAfter()} and, when {@code retention} is positive, the threads older than
     * that (with their attachments), both measured on this server's clock.
     *
     * @param retention how long threads are kept; zero keeps them
     * @return how many threads were erased
     */
    public int cleanUp(Duration retention) {
        sweepAttachments();
        if (retention.isZero() || retention.isNegative()) {
            return 0;
        }
        return eraseThreadsCreatedBefore(clock.instant().minus(retention));
    }

    /**
     * Where attachments are kept.
     *
     * @return the store, or null when this server accepts none
     */
    public AttachmentStore attachmentStore() {
        return attachmentStore;
    }

    /**
     * The attachment rules.
     *
     * @return the rules (the defaults when this server accepts none)
     */
    public AttachmentOptions attachmentOptions() {
        return attachmentOptions;
    }

    /** The stored bytes of the caller's attachment, for the responder. */
    java.util.Optional<byte[]> attachmentContent(RequestContext context, Attachment attachment) {
        return attachments == null ? java.util.Optional.empty() : attachments.content(context, attachment);
    }

    /**
     * The rules for dictated audio.
     *
     * @return the rules, or {@code null} when this server does not transcribe
     */
    public DictationOptions dictationOptions() {
        return dictation == null ? null : dictationOptions;
    }

    private DictationRequests dictation() {
        if (dictation == null) {
            throw ChatKitException.notSupported(NO_DICTATION);
        }
        return dictation;
    }

    private AttachmentRequests attachments() {
        if (attachments == null) {
            throw ChatKitException.notSupported(NO_ATTACHMENTS);
        }
        return attachments;
    }

    /**
     * Streamed answers running right now (for metrics and tests).
     *
     * @return the number of open streams
     */
    public int activeStreams() {
        return activeStreams.get();
    }

    /**
     * The store this server keeps threads in.
     *
     * @return the store
     */
    public ThreadStore store() {
        return store;
    }

    private static ChatKitResult json(Object value) {
        return ChatKitResult.ofJson(ProtocolJson.write(value));
    }

    String newId(String prefix) {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return prefix + "_" + HexFormat.of().formatHex(bytes);
    }

    Clock clock() {
        return clock;
    }

    ThreadTitles titles() {
        return titles;
    }

    OutOfScopeReports outOfScope() {
        return outOfScope;
    }

    /**
     * How long a streamed answer may send nothing before it ends with a retryable error.
     *
     * @return the idle timeout; zero: no limit
     */
    public Duration streamIdleTimeout() {
        return streamIdleTimeout;
    }

    /** Runs {@code check} after {@code delayNanos}, on the idle scheduler the builder was given. */
    void scheduleIdleCheck(Runnable check, long delayNanos) {
        if (idleScheduler == null) {
            CompletableFuture.delayedExecutor(delayNanos, TimeUnit.NANOSECONDS).execute(check);
            return;
        }
        try {
            idleScheduler.schedule(check, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // the owner shut the scheduler down: the server is closing, and its streams end with it
            LOG.debug("idle check not scheduled: the scheduler is shut down");
        }
    }

    AnswerClassifier classifier() {
        return classifier;
    }

    AnswerListener answerListener() {
        return answerListener;
    }

    /** Tells the answer listener about a stored new thread; its failure never fails the request. */
    void threadCreated(RequestContext context, String threadId) {
        if (answerListener != null) {
            try {
                answerListener.onThreadCreated(context, threadId);
            } catch (RuntimeException e) {
                LOG.warn("answer listener failed for new thread {}", threadId, e);
            }
        }
    }

    void streamStarted() {
        activeStreams.incrementAndGet();
    }

    void streamEnded() {
        activeStreams.decrementAndGet();
    }

    /** Builds a {@link ChatKitServer}; {@link #store} and {@link #responder} are required. Not thread-safe. */
    public static final class Builder {
        private ThreadStore store;
        private ChatKitResponder responder;
        private FeedbackListener feedbackListener;
        private AnswerListener answerListener;
        private AnswerClassifier classifier;
        private Clock clock = Clock.systemUTC();
        private AttachmentStore attachmentStore;
        private AttachmentOptions attachmentOptions = AttachmentOptions.defaults();
        private Transcriber transcriber;
        private DictationOptions dictationOptions = DictationOptions.defaults();
        private Duration streamIdleTimeout = Duration.ofSeconds(Settings.CHATKIT_STREAM_IDLE_TIMEOUT.defaultValue());
        private ScheduledExecutorService idleScheduler;
        private boolean threadTitles = Settings.CHATKIT_THREAD_TITLES.defaultValue();

        private Builder() {
        }

        /**
         * Accepts attachments (two-phase upload, {@code docs/chatkit-server.md}) kept in {@code store}; without
         * one, {@code attachments.create} and messages with attachments are refused as {@code not_supported}.
         *
         * @param store   where the bytes and records are kept
         * @param options size, type and retention rules
         * @return this builder
         */
        public Builder attachments(AttachmentStore store, AttachmentOptions options) {
            this.attachmentStore = Objects.requireNonNull(store, "store");
            this.attachmentOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Answers {@code input.transcribe} (dictation) with {@code transcriber}, after checking the recording's
         * type, size and content against {@code options}; without one it is refused as {@code not_supported}.
         *
         * @param transcriber turns the audio into text, e.g. {@code OpenAiTranscriber}
         * @param options     size and type rules
         * @return this builder
         */
        public Builder dictation(Transcriber transcriber, DictationOptions options) {
            this.transcriber = Objects.requireNonNull(transcriber, "transcriber");
            this.dictationOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * The server's own settings from {@code source}: {@code CHATKIT_STREAM_IDLE_TIMEOUT} and
         * {@code CHATKIT_THREAD_TITLES} (unset ones keep their defaults).
         *
         * @param source where the settings are read
         * @return this builder
         */
        public Builder settings(ConfigSource source) {
            Settings.CHATKIT_STREAM_IDLE_TIMEOUT.ifSet(source, seconds -> streamIdleTimeout(Duration.ofSeconds(seconds)));
            Settings.CHATKIT_THREAD_TITLES.ifSet(source, this::threadTitles);
            return this;
        }

        /**
         * How long a streamed answer may send the page nothing (a hung upstream, only keep-alives) before it is
         * ended: the half answer is kept as on cancel and the page gets {@code error} with {@code allow_retry:
         * true}. {@link Duration#ZERO} turns it off. Default {@code CHATKIT_STREAM_IDLE_TIMEOUT}'s, 60 s.
         *
         * @param timeout zero or positive
         * @return this builder
         */
        public Builder streamIdleTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative()) {
                throw new IllegalArgumentException("streamIdleTimeout must be zero or positive, was " + timeout);
            }
            this.streamIdleTimeout = timeout;
            return this;
        }

        /**
         * Where the stream idle checks run. The caller owns it and shuts it down when the server is no longer used
         * (ChatKitBackend does). Without one the JDK's shared delay thread is used, which outlives a web
         * application and is reported as a leak by Tomcat on undeploy.
         *
         * @param scheduler a scheduler the caller closes
         * @return this builder
         */
        public Builder idleScheduler(ScheduledExecutorService scheduler) {
            this.idleScheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /**
         * Whether a new thread is titled after its first answer (from its first question); default true.
         *
         * @param enabled false leaves threads untitled
         * @return this builder
         */
        public Builder threadTitles(boolean enabled) {
            this.threadTitles = enabled;
            return this;
        }

        /**
         * Where threads and items are kept.
         *
         * @param store not {@code null}; required
         * @return this builder
         */
        public Builder store(ThreadStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Who writes the answers, e.g. {@code ResponsesAgent}.
         *
         * @param responder not {@code null}; required
         * @return this builder
         */
        public Builder responder(ChatKitResponder responder) {
            this.responder = Objects.requireNonNull(responder, "responder");
            return this;
        }

        /**
         * Receives thumbs up/down ({@code items.feedback}) and the out-of-scope card's reports
         * ({@link #OUT_OF_SCOPE_ACTION}); without one, thumbs are accepted and dropped and no card is offered.
         *
         * @param listener the listener, or {@code null} for none
         * @return this builder
         */
        public Builder feedbackListener(FeedbackListener listener) {
            this.feedbackListener = listener;
            return this;
        }

        /**
         * Told about every finished answer (in scope or not) and every new thread.
         *
         * @param listener the listener, or {@code null} for none
         * @return this builder
         */
        public Builder answerListener(AnswerListener listener) {
            this.answerListener = listener;
            return this;
        }

        /**
         * Checks finished answers the model did not flag, e.g. with marker phrases. Optional.
         *
         * @param classifier the classifier, or {@code null} for none
         * @return this builder
         */
        public Builder answerClassifier(AnswerClassifier classifier) {
            this.classifier = classifier;
            return this;
        }

        /**
         * The clock for creation times; tests pass a fixed one.
         *
         * @param clock not {@code null}; default the system UTC clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @return the server
         * @throws IllegalStateException when the store or the responder is missing
         */
        public ChatKitServer build() {
            if (store == null) {
                throw new IllegalStateException("store is required: use ThreadStore.inMemory() or a durable store");
            }
            if (responder == null) {
                throw new IllegalStateException("responder is required: use ResponsesAgent.builder()…build()");
            }
            return new ChatKitServer(this);
        }
    }
}

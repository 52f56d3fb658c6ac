package com.landki.interview.chatkit.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.landki.interview.chatkit.server.internal.ProtocolJson;
import com.landki.interview.chatkit.server.responder.ChatKitResponder;
import com.landki.interview.chatkit.server.responder.ResponseTurn;
import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.chatkit.server.types.ClientToolCallItem;
import com.landki.interview.chatkit.server.types.InferenceOptions;
import com.landki.interview.chatkit.server.types.Page;
import com.landki.interview.chatkit.server.types.ThreadItem;
import com.landki.interview.chatkit.server.types.ThreadMetadata;
import com.landki.interview.chatkit.server.types.ThreadStreamEvent;
import com.landki.interview.chatkit.server.types.ThreadView;
import com.landki.interview.chatkit.server.types.UserContent;
import com.landki.interview.chatkit.server.types.UserMessageItem;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
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
    /** Largest {@code limit} accepted. */
    public static final int MAX_PAGE_SIZE = 500;
    /** How many of a thread's newest items a responder sees as history. */
    public static final int HISTORY_LIMIT = 100;
    /** Longest generated thread title, in characters. */
    public static final int TITLE_LENGTH = 60;
    /** The {@code client_effect} name sent for an out-of-scope answer. */
    public static final String OUT_OF_SCOPE_EFFECT = "out_of_scope";

    private static final Logger LOG = LoggerFactory.getLogger(ChatKitServer.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final ThreadStore store;
    private final ChatKitResponder responder;
    private final FeedbackListener feedbackListener;
    private final OutOfScopeListener outOfScopeListener;
    private final AnswerClassifier classifier;
    private final Clock clock;
    private final AtomicInteger activeStreams = new AtomicInteger();

    private ChatKitServer(Builder builder) {
        this.store = builder.store;
        this.responder = builder.responder;
        this.feedbackListener = builder.feedbackListener;
        this.outOfScopeListener = builder.outOfScopeListener;
        this.classifier = builder.classifier;
        this.clock = builder.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Handles one request body for the caller in {@code context}. Non-streaming requests are done when this
     * returns; a streaming request is checked (thread exists and belongs to the caller, fields are valid) and
     * its answer runs when the result is streamed.
     *
     * @throws ChatKitException for malformed requests, unknown threads or items, and unsupported features
     */
    public ChatKitResult process(byte[] requestJson, RequestContext context) {
        Objects.requireNonNull(context, "context");
        ObjectNode request = parse(requestJson);
        String type = request.path("type").asText("");
        JsonNode params = request.path("params");
        Map<String, Object> metadata = request.path("metadata").isObject()
                ? ProtocolJson.mapper().convertValue(request.get("metadata"), MAP) : Map.of();
        LOG.debug("chatkit request {}", type);
        return switch (type) {
            case "threads.get_by_id" -> json(threadView(context, requireThread(context, text(params, "thread_id"))));
            case "threads.list" -> json(listThreads(context, params));
            case "items.list" -> json(listItems(context, params));
            case "threads.update" -> json(updateThread(context, params));
            case "threads.delete" -> json(deleteThread(context, params));
            case "items.feedback" -> json(feedback(context, params));
            case "attachments.create", "attachments.delete" -> throw ChatKitException.notSupported(
                    "Attachments are not supported by this assistant.");
            case "threads.create" -> createThread(context, params, metadata);
            case "threads.add_user_message" -> addUserMessage(context, params, metadata);
            case "threads.add_client_tool_output" -> addClientToolOutput(context, params, metadata);
            case "threads.retry_after_item" -> retryAfterItem(context, params, metadata);
            case "threads.custom_action" -> customAction(context, params, metadata);
            case "" -> throw ChatKitException.validation("type", "is required");
            default -> throw ChatKitException.validation("type", "is not a known request type: " + type);
        };
    }

    /** Streamed answers running right now (for metrics and tests). */
    public int activeStreams() {
        return activeStreams.get();
    }

    /** The store this server keeps threads in. */
    public ThreadStore store() {
        return store;
    }

    // ---- non-streaming requests ----

    private ThreadView threadView(RequestContext context, ThreadMetadata thread) {
        Page<ThreadItem> items = visible(store.listItems(context.userId(), thread.id(), DEFAULT_PAGE_SIZE, null,
                ThreadStore.ASC));
        return ThreadView.of(thread, items);
    }

    private Page<ThreadView> listThreads(RequestContext context, JsonNode params) {
        Page<ThreadMetadata> threads = store.listThreads(context.userId(), limit(params),
                optionalText(params, "after"), order(params));
        List<ThreadView> views = threads.data().stream().map(t -> ThreadView.of(t, Page.empty())).toList();
        return new Page<>(views, threads.hasMore(), threads.after());
    }

    private Page<ThreadItem> listItems(RequestContext context, JsonNode params) {
        ThreadMetadata thread = requireThread(context, text(params, "thread_id"));
        return visible(store.listItems(context.userId(), thread.id(), limit(params), optionalText(params, "after"),
                order(params)));
    }

    private ThreadView updateThread(RequestContext context, JsonNode params) {
        ThreadMetadata thread = requireThread(context, text(params, "thread_id"));
        ThreadMetadata updated = thread.withTitle(text(params, "title"));
        store.saveThread(context.userId(), updated);
        return threadView(context, updated);
    }

    private Map<String, Object> deleteThread(RequestContext context, JsonNode params) {
        String threadId = text(params, "thread_id");
        if (!store.deleteThread(context.userId(), threadId)) {
            throw ChatKitException.notFound("thread", threadId);
        }
        return Map.of();
    }

    private Map<String, Object> feedback(RequestContext context, JsonNode params) {
        ThreadMetadata thread = requireThread(context, text(params, "thread_id"));
        String kind = text(params, "kind");
        if (!FeedbackListener.POSITIVE.equals(kind) && !FeedbackListener.NEGATIVE.equals(kind)) {
            throw ChatKitException.validation("params.kind", "must be \"positive\" or \"negative\"");
        }
        JsonNode ids = params.path("item_ids");
        if (!ids.isArray() || ids.isEmpty()) {
            throw ChatKitException.validation("params.item_ids", "must be a non-empty array of item ids");
        }
        List<ThreadItem> items = new ArrayList<>();
        for (JsonNode id : ids) {
            store.loadItem(context.userId(), thread.id(), id.asText()).ifPresent(items::add);
        }
        if (feedbackListener != null) {
            feedbackListener.onFeedback(new FeedbackListener.Feedback(context, thread.id(), items, kind,
                    questionBefore(context, thread, items)));
        }
        return Map.of();
    }

    /** The user message that precedes the first rated item. */
    private String questionBefore(RequestContext context, ThreadMetadata thread, List<ThreadItem> rated) {
        if (rated.isEmpty()) {
            return null;
        }
        String question = null;
        for (ThreadItem item : store.listItems(context.userId(), thread.id(), MAX_PAGE_SIZE, null, ThreadStore.ASC).data()) {
            if (item.id().equals(rated.get(0).id())) {
                return question;
            }
            if (item instanceof UserMessageItem user) {
                question = user.text();
            }
        }
        return question;
    }

    // ---- streaming requests ----

    private ChatKitResult createThread(RequestContext context, JsonNode params, Map<String, Object> metadata) {
        JsonNode input = params.path("input");
        ThreadMetadata thread = ThreadMetadata.of(newId("thr"), clock.instant());
        UserMessageItem message = userMessage(input, thread.id());
        ThreadMetadata titled = thread.withTitle(title(message.text()));
        // saved when the stream runs, as in the reference: a request that never streams leaves no empty thread
        Consumer<ResponseTurn> prelude = turn -> {
            store.saveThread(context.userId(), titled);
            turn.emit(new ThreadStreamEvent.ThreadCreated(ThreadView.of(titled, Page.empty())));
            turn.emit(new ThreadStreamEvent.ThreadItemDone(message));
        };
        return ChatKitResult.ofStream(new StreamingTurn(this, context, titled, message, metadata, prelude,
                responder::respond));
    }

    private ChatKitResult addUserMessage(RequestContext context, JsonNode params, Map<String, Object> metadata) {
        ThreadMetadata thread = requireThread(context, text(params, "thread_id"));
        UserMessageItem message = userMessage(params.path("input"), thread.id());
        return ChatKitResult.ofStream(new StreamingTurn(this, context, thread, message, metadata,
                turn -> turn.emit(new ThreadStreamEvent.ThreadItemDone(message)), responder::respond));
    }

    private ChatKitResult addClientToolOutput(RequestContext context, JsonNode params, Map<String, Object> metadata) {
        ThreadMetadata thread = requireThread(context, text(params, "thread_id"));
        if (!params.has("result")) {
            throw ChatKitException.validation("params.result", "is required");
        }
        Object result = ProtocolJson.mapper().convertValue(params.get("result"), Object.class);
        List<ThreadItem> recent = store.listItems(context.userId(), thread.id(), DEFAULT_PAGE_SIZE, null,
                ThreadStore.DESC).data();
        ClientToolCallItem call = recent.stream().filter(ClientToolCallItem.class::isInstance)
                .map(ClientToolCallItem.class::cast).filter(c -> ClientToolCallItem.PENDING.equals(c.status()))
                .findFirst().orElseThrow(() -> ChatKitException.validation("params.thread_id",
                        "has no pending client tool call"));
        store.saveItem(context.userId(), thread.id(), call.complete(result));
        // more pending calls would be dangling; the reference server drops them too
        recent.stream().filter(ClientToolCallItem.class::isInstance).map(ClientToolCallItem.class::cast)
                .filter(c -> ClientToolCallItem.PENDING.equals(c.status()) && !c.id().equals(call.id()))
                .forEach(c -> store.deleteItem(context.userId(), thread.id(), c.id()));
        return ChatKitResult.ofStream(new StreamingTurn(this, context, thread, null, metadata, null,
                responder::respond));
    }

    private ChatKitResult retryAfterItem(RequestContext context, JsonNode params, Map<String, Object> metadata) {
        ThreadMetadata thread = requireThread(context, text(params, "thread_id"));
        String itemId = text(params, "item_id");
        ThreadItem item = store.loadItem(context.userId(), thread.id(), itemId)
                .orElseThrow(() -> ChatKitException.notFound("item", itemId));
        if (!(item instanceof UserMessageItem message)) {
            throw ChatKitException.validation("params.item_id", "must name a user message");
        }
        Consumer<ResponseTurn> dropLaterItems = turn -> {
            List<ThreadItem> all = store.listItems(context.userId(), thread.id(), Integer.MAX_VALUE, null,
                    ThreadStore.ASC).data();
            boolean after = false;
            for (ThreadItem candidate : all) {
                if (after) {
                    store.deleteItem(context.userId(), thread.id(), candidate.id());
                }
                after |= candidate.id().equals(itemId);
            }
        };
        return ChatKitResult.ofStream(new StreamingTurn(this, context, thread, message, metadata,
                dropLaterItems, responder::respond));
    }

    private ChatKitResult customAction(RequestContext context, JsonNode params, Map<String, Object> metadata) {
        ThreadMetadata thread = requireThread(context, text(params, "thread_id"));
        JsonNode action = params.path("action");
        if (!action.isObject() || !action.path("type").isTextual()) {
            throw ChatKitException.validation("params.action", "must be an object with a type");
        }
        String itemId = optionalText(params, "item_id");
        Map<String, Object> actionMap = ProtocolJson.mapper().convertValue(action, MAP);
        return ChatKitResult.ofStream(new StreamingTurn(this, context, thread, null, metadata, null,
                turn -> responder.action(turn, actionMap, itemId)));
    }

    // ---- helpers ----

    private UserMessageItem userMessage(JsonNode input, String threadId) {
        if (!input.isObject()) {
            throw ChatKitException.validation("params.input", "is required");
        }
        JsonNode attachments = input.path("attachments");
        if (attachments.isArray() && !attachments.isEmpty()) {
            throw ChatKitException.notSupported("Attachments are not supported by this assistant.");
        }
        JsonNode content = input.path("content");
        if (!content.isArray() || content.isEmpty()) {
            throw ChatKitException.validation("params.input.content", "must be a non-empty array");
        }
        List<UserContent> parts = new ArrayList<>();
        for (JsonNode part : content) {
            UserContent parsed = convert(part, UserContent.class, "params.input.content");
            if (parsed.type() == null || parsed.text() == null) {
                throw ChatKitException.validation("params.input.content", "parts need a type and a text");
            }
            parts.add(parsed);
        }
        InferenceOptions options = input.path("inference_options").isObject()
                ? convert(input.get("inference_options"), InferenceOptions.class, "params.input.inference_options")
                : InferenceOptions.none();
        String quoted = input.path("quoted_text").isTextual() ? input.get("quoted_text").asText() : null;
        return new UserMessageItem(newId("msg"), threadId, clock.instant(), parts, List.of(), quoted, options);
    }

    private ThreadMetadata requireThread(RequestContext context, String threadId) {
        return store.loadThread(context.userId(), threadId)
                .orElseThrow(() -> ChatKitException.notFound("thread", threadId));
    }

    private static Page<ThreadItem> visible(Page<ThreadItem> page) {
        if (page.data().stream().noneMatch(ThreadItem::hidden)) {
            return page;
        }
        return new Page<>(page.data().stream().filter(i -> !i.hidden()).toList(), page.hasMore(), page.after());
    }

    private static String title(String text) {
        String line = text.strip().lines().findFirst().orElse("").strip();
        if (line.isEmpty()) {
            return null;
        }
        return line.length() <= TITLE_LENGTH ? line : line.substring(0, TITLE_LENGTH - 1).stripTrailing() + "…";
    }

    private static ObjectNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new ChatKitException(ChatKitException.INVALID_JSON, 400, "the request body is empty");
        }
        try {
            JsonNode node = ProtocolJson.mapper().readTree(body);
            if (!(node instanceof ObjectNode object)) {
                throw new ChatKitException(ChatKitException.INVALID_JSON, 400, "the request must be a JSON object");
            }
            return object;
        } catch (IOException e) {
            throw new ChatKitException(ChatKitException.INVALID_JSON, 400, "the request is not valid JSON");
        }
    }

    private static String text(JsonNode params, String field) {
        JsonNode value = params.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw ChatKitException.validation("params." + field, "is required");
        }
        return value.asText();
    }

    private static String optionalText(JsonNode params, String field) {
        JsonNode value = params.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static int limit(JsonNode params) {
        JsonNode value = params.get("limit");
        if (value == null || value.isNull()) {
            return DEFAULT_PAGE_SIZE;
        }
        if (!value.canConvertToInt() || value.asInt() < 1 || value.asInt() > MAX_PAGE_SIZE) {
            throw ChatKitException.validation("params.limit", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        return value.asInt();
    }

    private static String order(JsonNode params) {
        String order = params.path("order").asText(ThreadStore.DESC);
        if (!ThreadStore.DESC.equals(order) && !ThreadStore.ASC.equals(order)) {
            throw ChatKitException.validation("params.order", "must be \"asc\" or \"desc\"");
        }
        return order;
    }

    private static <T> T convert(JsonNode node, Class<T> type, String field) {
        try {
            return ProtocolJson.mapper().treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw ChatKitException.validation(field, "has the wrong shape");
        }
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

    AnswerClassifier classifier() {
        return classifier;
    }

    OutOfScopeListener outOfScopeListener() {
        return outOfScopeListener;
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
        private OutOfScopeListener outOfScopeListener;
        private AnswerClassifier classifier;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Where threads and items are kept. */
        public Builder store(ThreadStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** Who writes the answers, e.g. {@code ResponsesAgent}. */
        public Builder responder(ChatKitResponder responder) {
            this.responder = Objects.requireNonNull(responder, "responder");
            return this;
        }

        /** Receives thumbs up/down ({@code items.feedback}); without one, feedback is accepted and dropped. */
        public Builder feedbackListener(FeedbackListener listener) {
            this.feedbackListener = listener;
            return this;
        }

        /** Told about out-of-scope answers. */
        public Builder outOfScopeListener(OutOfScopeListener listener) {
            this.outOfScopeListener = listener;
            return this;
        }

        /** Checks finished answers the model did not flag, e.g. with marker phrases. Optional. */
        public Builder answerClassifier(AnswerClassifier classifier) {
            this.classifier = classifier;
            return this;
        }

        /** The clock for creation times; tests pass a fixed one. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

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

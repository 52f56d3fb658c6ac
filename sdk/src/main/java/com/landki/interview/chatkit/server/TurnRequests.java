package com.landki.interview.chatkit.server;

import static com.landki.interview.chatkit.server.RequestParams.convert;
import static com.landki.interview.chatkit.server.RequestParams.optionalText;
import static com.landki.interview.chatkit.server.RequestParams.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.landki.interview.chatkit.Page;
import com.landki.interview.chatkit.server.responder.ChatKitResponder;
import com.landki.interview.chatkit.server.responder.ResponseTurn;
import com.landki.interview.chatkit.server.responder.StreamException;
import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.chatkit.server.types.Attachment;
import com.landki.interview.chatkit.server.types.ChatKitException;
import com.landki.interview.chatkit.server.types.ClientToolCallItem;
import com.landki.interview.chatkit.server.types.InferenceOptions;
import com.landki.interview.chatkit.server.types.RequestContext;
import com.landki.interview.chatkit.server.types.StructuredInputItem;
import com.landki.interview.chatkit.server.types.ThreadItem;
import com.landki.interview.chatkit.server.types.ThreadMetadata;
import com.landki.interview.chatkit.server.types.ThreadStreamEvent;
import com.landki.interview.chatkit.server.types.ThreadView;
import com.landki.interview.chatkit.server.types.UserContent;
import com.landki.interview.chatkit.server.types.UserMessageItem;
import com.landki.interview.chatkit.server.types.internal.ProtocolJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The requests answered with a stream: a new thread, a user message, a client tool's output, answers to a
 * structured input, a retry and a custom action. Each checks its fields now and returns a {@link StreamingTurn}
 * that does the work when the
 * result is streamed.
 */
final class TurnRequests {

    private final ChatKitServer server;
    private final ThreadRequests threads;
    private final ThreadStore store;
    private final ChatKitResponder responder;
    private final AttachmentRequests attachments;
    private final OutOfScopeReports outOfScope;

    TurnRequests(ChatKitServer server, ThreadRequests threads, ThreadStore store, ChatKitResponder responder,
                 AttachmentRequests attachments, OutOfScopeReports outOfScope) {
        this.server = server;
        this.threads = threads;
        this.store = store;
        this.responder = responder;
        this.attachments = attachments;
        this.outOfScope = outOfScope;
    }

    ChatKitResult createThread(RequestContext context, JsonNode params, Map<String, Object> metadata) {
        ThreadMetadata thread = ThreadMetadata.of(server.newId("thr"), server.clock().instant());
        UserMessageItem message = userMessage(context, params.get("input"), thread.id());
        // untitled, as in the reference (ThreadTitles names it after the first answer); saved when the stream
        // runs: a request that never streams leaves no empty thread
        Consumer<ResponseTurn> prelude = turn -> {
            store.saveThread(context.userId(), thread);
            server.threadCreated(context, thread.id());
            turn.emit(new ThreadStreamEvent.ThreadCreated(ThreadView.of(thread, Page.empty())));
            assignAttachments(context, message);
            turn.emit(new ThreadStreamEvent.ThreadItemDone(message));
        };
        return stream(context, thread, message, metadata, prelude, responder::respondAsync);
    }

    ChatKitResult addUserMessage(RequestContext context, JsonNode params, Map<String, Object> metadata) {
        ThreadMetadata thread = threads.requireThread(context, text(params, "thread_id"));
        UserMessageItem message = userMessage(context, params.get("input"), thread.id());
        return stream(context, thread, message, metadata, turn -> {
            assignAttachments(context, message);
            turn.emit(new ThreadStreamEvent.ThreadItemDone(message));
        }, responder::respondAsync);
    }

    ChatKitResult addClientToolOutput(RequestContext context, JsonNode params, Map<String, Object> metadata) {
        ThreadMetadata thread = threads.requireThread(context, text(params, "thread_id"));
        if (!params.has("result")) {
            throw ChatKitException.validation("params.result", "is required");
        }
        Object result = ProtocolJson.mapper().convertValue(params.get("result"), Object.class);
        List<ThreadItem> recent = store.listItems(context.userId(), thread.id(), ChatKitServer.DEFAULT_PAGE_SIZE,
                null, ThreadStore.DESC).data();
        List<ClientToolCallItem> pending = recent.stream().filter(ClientToolCallItem.class::isInstance)
                .map(ClientToolCallItem.class::cast).filter(c -> ClientToolCallItem.PENDING.equals(c.status()))
                .toList();
        ClientToolCallItem call = pending.stream().findFirst().orElseThrow(() -> ChatKitException.validation(
                "params.thread_id", "has no pending client tool call"));
        store.saveItem(context.userId(), thread.id(), call.complete(result));
        // more pending calls would be dangling; the reference server drops them too
        pending.stream().skip(1).forEach(c -> store.deleteItem(context.userId(), thread.id(), c.id()));
        return stream(context, thread, null, metadata, null, responder::respondAsync);
    }

    ChatKitResult retryAfterItem(RequestContext context, JsonNode params, Map<String, Object> metadata) {
        ThreadMetadata thread = threads.requireThread(context, text(params, "thread_id"));
        String itemId = text(params, "item_id");
        UserMessageItem message = requireItem(context, thread, itemId, UserMessageItem.class, "a user message");
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
        return stream(context, thread, message, metadata, dropLaterItems, responder::respondAsync);
    }

    /** The item {@code itemId} of the thread: 404 when it has none, 400 when it is not a {@code type}. */
    private <T extends ThreadItem> T requireItem(RequestContext context, ThreadMetadata thread, String itemId,
            Class<T> type, String what) {
        ThreadItem item = store.loadItem(context.userId(), thread.id(), itemId)
                .orElseThrow(() -> ChatKitException.notFound("item", itemId));
        if (!type.isInstance(item)) {
            throw ChatKitException.validation("params.item_id", "must name " + what);
        }
        return type.cast(item);
    }

    /**
     * As chatkit-python's {@code threads.add_structured_input}: the pending structured-input item {@code item_id}
     * gets the submitted answers ({@link StructuredInputs}); the stream sends {@code stream_options}, then the
     * answered item as {@code thread.item.replaced} (stored as it is sent), then the responder continues.
     */
    ChatKitResult addStructuredInput(RequestContext context, JsonNode params, Map<String, Object> metadata) {
        ThreadMetadata thread = threads.requireThread(context, text(params, "thread_id"));
        String itemId = text(params, "item_id");
        StructuredInputItem request = requireItem(context, thread, itemId, StructuredInputItem.class,
                "a structured input");
        StructuredInputItem answered = StructuredInputs.apply(request, params.get("input"));
        return stream(context, thread, null, metadata, null, turn -> {
            turn.emit(new ThreadStreamEvent.ThreadItemReplaced(answered));
            return responder.respondAsync(turn);
        });
    }

    /**
     * As chatkit-python's {@code threads.custom_action}: the sender item ({@code item_id}) is loaded first; a sender
     * that is not a widget gets only {@code error {stream.error, allow_retry: false}}, without {@code
     * stream_options}. An action type nobody handles answers as chatkit-python's base {@code action()}, which
     * raises inside the stream: {@code stream_options}, then {@code error {stream.error, allow_retry: true}}.
     */
    ChatKitResult customAction(RequestContext context, JsonNode params, Map<String, Object> metadata) {
        ThreadMetadata thread = threads.requireThread(context, text(params, "thread_id"));
        JsonNode action = params.path("action");
        if (!action.isObject() || !action.path("type").isTextual()) {
            throw ChatKitException.validation("params.action", "must be an object with a type");
        }
        String itemId = optionalText(params, "item_id");
        ThreadItem sender = itemId == null ? null : store.loadItem(context.userId(), thread.id(), itemId)
                .orElseThrow(() -> ChatKitException.notFound("item", itemId));
        if (sender != null && !ThreadItem.WIDGET.equals(sender.type())) {
            return ChatKitResult.ofStream(new SingleEvent(server,
                    new ThreadStreamEvent.Error(ThreadStreamEvent.Error.STREAM_ERROR, null, false)));
        }
        String type = action.get("type").asText();
        if (ChatKitServer.OUT_OF_SCOPE_ACTION.equals(type) && outOfScope.enabled()) {
            return stream(context, thread, null, metadata, null, outOfScope.prepare(sender));
        }
        if (!responder.actionTypes().contains(type)) {
            return stream(context, thread, null, metadata, null, turn -> CompletableFuture.failedFuture(
                    StreamException.streamError(true, "no handler for the action type "
                            + RequestParams.shorten(type), null)));
        }
        Map<String, Object> actionMap = RequestParams.map(action);
        return stream(context, thread, null, metadata, null, turn -> {
            responder.action(turn, actionMap, itemId);
            return CompletableFuture.completedFuture(null);
        });
    }

    private ChatKitResult stream(RequestContext context, ThreadMetadata thread, UserMessageItem input,
                                 Map<String, Object> metadata, Consumer<ResponseTurn> prelude,
                                 Function<ResponseTurn, CompletionStage<Void>> body) {
        return ChatKitResult.ofStream(new StreamingTurn(server, context, thread, input, metadata, prelude, body));
    }

    /** Ties the message's attachments to its thread as the message is stored. */
    private void assignAttachments(RequestContext context, UserMessageItem message) {
        if (attachments != null) {
            attachments.assign(context, message);
        }
    }

    private UserMessageItem userMessage(RequestContext context, JsonNode input, String threadId) {
        if (input == null || !input.isObject()) {
            throw ChatKitException.validation("params.input", input == null ? "is required"
                    : "must be an object, not " + RequestParams.kind(input));
        }
        JsonNode ids = input.get("attachments");
        List<Attachment> attached = List.of();
        if (ids != null && !ids.isArray()) {
            throw ChatKitException.validation("params.input.attachments", "must be an array of attachment ids");
        }
        if (ids != null && !ids.isEmpty()) {
            if (attachments == null) {
                throw ChatKitException.notSupported(ChatKitServer.NO_ATTACHMENTS);
            }
            attached = attachments.forMessage(context, ids, threadId);
        }
        JsonNode content = input.get("content");
        // an empty array is a message too, as in chatkit-python (a message may be just its attachments)
        if (content == null || !content.isArray()) {
            throw ChatKitException.validation("params.input.content", content == null ? "is required"
                    : "must be an array, not " + RequestParams.kind(content));
        }
        List<UserContent> parts = new ArrayList<>();
        for (int i = 0; i < content.size(); i++) {
            String name = "params.input.content[" + i + "]";
            if (!content.get(i).isObject()) {
                throw ChatKitException.validation(name, "must be an object, not " + RequestParams.kind(content.get(i)));
            }
            UserContent parsed = convert(content.get(i), UserContent.class, name);
            if (parsed.type() == null || parsed.text() == null) {
                throw ChatKitException.validation(name, "needs a type and a text");
            }
            parts.add(parsed);
        }
        InferenceOptions options = input.has("inference_options")
                ? convert(RequestParams.object(input, "inference_options", "params.input.inference_options"),
                        InferenceOptions.class, "params.input.inference_options")
                : InferenceOptions.none();
        String quoted = RequestParams.optionalText(input, "quoted_text", "params.input.quoted_text");
        return new UserMessageItem(server.newId("msg"), threadId, server.clock().instant(), parts, attached, quoted,
                options);
    }
}

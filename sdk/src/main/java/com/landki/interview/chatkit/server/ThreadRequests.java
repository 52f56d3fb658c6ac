package com.landki.interview.chatkit.server;

import static com.landki.interview.chatkit.server.RequestParams.limit;
import static com.landki.interview.chatkit.server.RequestParams.optionalText;
import static com.landki.interview.chatkit.server.RequestParams.order;
import static com.landki.interview.chatkit.server.RequestParams.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.landki.interview.chatkit.Page;
import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.chatkit.server.types.ChatKitException;
import com.landki.interview.chatkit.server.types.RequestContext;
import com.landki.interview.chatkit.server.types.ThreadItem;
import com.landki.interview.chatkit.server.types.ThreadMetadata;
import com.landki.interview.chatkit.server.types.ThreadView;
import com.landki.interview.chatkit.server.types.UserMessageItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The requests answered with JSON: read, list, rename and delete threads, list items, rate items. Hidden items
 * ({@link ThreadItem#hidden()}) are never shown to the caller.
 */
final class ThreadRequests {

    private final ThreadStore store;
    private final FeedbackListener feedbackListener;
    private final AttachmentRequests attachments;

    ThreadRequests(ThreadStore store, FeedbackListener feedbackListener, AttachmentRequests attachments) {
        this.store = store;
        this.feedbackListener = feedbackListener;
        this.attachments = attachments;
    }

    ThreadView get(RequestContext context, JsonNode params) {
        return threadView(context, requireThread(context, text(params, "thread_id")));
    }

    Page<ThreadView> list(RequestContext context, JsonNode params) {
        Page<ThreadMetadata> threads = store.listThreads(context.userId(), limit(params),
                optionalText(params, "after"), order(params));
        List<ThreadView> views = threads.data().stream().map(t -> ThreadView.of(t, Page.empty())).toList();
        return new Page<>(views, threads.hasMore(), threads.after());
    }

    Page<ThreadItem> listItems(RequestContext context, JsonNode params) {
        ThreadMetadata thread = requireThread(context, text(params, "thread_id"));
        return visible(store.listItems(context.userId(), thread.id(), limit(params), optionalText(params, "after"),
                order(params)));
    }

    ThreadView update(RequestContext context, JsonNode params) {
        ThreadMetadata thread = requireThread(context, text(params, "thread_id"));
        // any string, "" included, as in chatkit-python
        ThreadMetadata updated = thread.withTitle(RequestParams.string(params, "title"));
        store.saveThread(context.userId(), updated);
        // as chatkit-python: the renamed thread with an empty items page (the page keeps the items it has)
        return ThreadView.of(updated, Page.empty());
    }

    Map<String, Object> delete(RequestContext context, JsonNode params) {
        String threadId = text(params, "thread_id");
        if (!store.deleteThread(context.userId(), threadId)) {
            throw ChatKitException.notFound("thread", threadId);
        }
        if (attachments != null) {
            attachments.eraseThread(threadId);
        }
        return Map.of();
    }

    Map<String, Object> feedback(RequestContext context, JsonNode params) {
        ThreadMetadata thread = requireThread(context, text(params, "thread_id"));
        String kind = text(params, "kind");
        if (!FeedbackListener.POSITIVE.equals(kind) && !FeedbackListener.NEGATIVE.equals(kind)) {
            throw ChatKitException.validation("params.kind", "must be \"positive\" or \"negative\"");
        }
        JsonNode ids = RequestParams.strings(params, "item_ids");
        if (ids.isEmpty()) {
            return Map.of(); // accepted as in chatkit-python; nothing was rated, so nothing is recorded
        }
        List<ThreadItem> items = new ArrayList<>();
        for (JsonNode id : ids) {
            // a rating of something the page never showed in this thread is not recorded (chatkit-python leaves
            // this to add_feedback; ours stores entries, so it checks)
            String itemId = id.isTextual() ? id.asText() : null;
            ThreadItem item = itemId == null ? null
                    : store.loadItem(context.userId(), thread.id(), itemId).filter(i -> !i.hidden()).orElse(null);
            if (item == null) {
                throw ChatKitException.notFound("item", itemId == null ? id.toString() : RequestParams.shorten(itemId));
            }
            items.add(item);
        }
        if (feedbackListener != null) {
            feedbackListener.onFeedback(new FeedbackListener.Feedback(context, thread.id(), items, kind,
                    questionBefore(context, thread, items)));
        }
        return Map.of();
    }

    /** The caller's thread {@code threadId}, or not found (also when it belongs to someone else). */
    ThreadMetadata requireThread(RequestContext context, String threadId) {
        return store.loadThread(context.userId(), threadId)
                .orElseThrow(() -> ChatKitException.notFound("thread", threadId));
    }

    private ThreadView threadView(RequestContext context, ThreadMetadata thread) {
        Page<ThreadItem> items = visible(store.listItems(context.userId(), thread.id(),
                ChatKitServer.DEFAULT_PAGE_SIZE, null, ThreadStore.ASC));
        return ThreadView.of(thread, items);
    }

    /** The user message that precedes the first rated item. */
    private String questionBefore(RequestContext context, ThreadMetadata thread, List<ThreadItem> rated) {
        if (rated.isEmpty()) {
            return null;
        }
        String question = null;
        for (ThreadItem item : store.listItems(context.userId(), thread.id(), ChatKitServer.MAX_PAGE_SIZE, null,
                ThreadStore.ASC).data()) {
            if (item.id().equals(rated.get(0).id())) {
                return question;
            }
            if (item instanceof UserMessageItem user) {
                question = user.text();
            }
        }
        return question;
    }

    private static Page<ThreadItem> visible(Page<ThreadItem> page) {
        if (page.data().stream().noneMatch(ThreadItem::hidden)) {
            return page;
        }
        return new Page<>(page.data().stream().filter(i -> !i.hidden()).toList(), page.hasMore(), page.after());
    }
}

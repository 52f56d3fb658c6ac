package com.landki.interview.chatkit.server;

import com.landki.interview.chatkit.server.types.Annotation;
import com.landki.interview.chatkit.server.types.AssistantContent;
import com.landki.interview.chatkit.server.types.AssistantMessageItem;
import com.landki.interview.chatkit.server.types.ThreadItem;
import com.landki.interview.chatkit.server.types.ThreadItemUpdate;
import com.landki.interview.chatkit.server.types.ThreadStreamEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The items of one streamed answer that were announced ({@code thread.item.added}) but are not done yet, kept up
 * to date with their {@code thread.item.updated} events, so that a cancelled or stalled answer can keep what the
 * page already saw (as chatkit-python's default {@code handle_stream_cancelled} does). Confined to the turn's lock.
 */
final class PendingItems {

    private final Map<String, ThreadItem> items = new LinkedHashMap<>();

    /** Follows one event on its way to the page. */
    void track(ThreadStreamEvent event) {
        if (event instanceof ThreadStreamEvent.ThreadItemAdded added) {
            items.put(added.item().id(), added.item());
        } else if (event instanceof ThreadStreamEvent.ThreadItemUpdated updated
                && items.get(updated.itemId()) instanceof AssistantMessageItem message) {
            items.put(message.id(), apply(message, updated.update()));
        } else if (event instanceof ThreadStreamEvent.ThreadItemDone done) {
            items.remove(done.item().id());
        } else if (event instanceof ThreadStreamEvent.ThreadItemReplaced replaced) {
            items.remove(replaced.item().id());
        } else if (event instanceof ThreadStreamEvent.ThreadItemRemoved removed) {
            items.remove(removed.itemId());
        }
    }

    /** The pending assistant messages with some non-blank text, in the order they were announced. */
    List<AssistantMessageItem> messagesWithText() {
        return items.values().stream().filter(AssistantMessageItem.class::isInstance)
                .map(AssistantMessageItem.class::cast).filter(m -> !m.text().isBlank()).toList();
    }

    private static AssistantMessageItem apply(AssistantMessageItem message, ThreadItemUpdate update) {
        int index = contentIndex(update);
        if (index < 0) {
            return message;
        }
        List<AssistantContent> content = new ArrayList<>(message.content());
        while (content.size() <= index) {
            content.add(AssistantContent.of("", List.of()));
        }
        AssistantContent part = content.get(index);
        if (update instanceof ThreadItemUpdate.ContentPartAdded u) {
            part = u.content();
        } else if (update instanceof ThreadItemUpdate.ContentPartDone u) {
            part = u.content();
        } else if (update instanceof ThreadItemUpdate.TextDelta u) {
            part = AssistantContent.of(part.text() + u.delta(), part.annotations());
        } else if (update instanceof ThreadItemUpdate.AnnotationAdded u) {
            List<Annotation> annotations = new ArrayList<>(part.annotations());
            annotations.add(Math.min(Math.max(u.annotationIndex(), 0), annotations.size()), u.annotation());
            part = AssistantContent.of(part.text(), annotations);
        }
        content.set(index, part);
        return message.withContent(content);
    }

    /** The content index an assistant message update changes, or -1 for other updates. */
    private static int contentIndex(ThreadItemUpdate update) {
        if (update instanceof ThreadItemUpdate.ContentPartAdded u) {
            return u.contentIndex();
        }
        if (update instanceof ThreadItemUpdate.TextDelta u) {
            return u.contentIndex();
        }
        if (update instanceof ThreadItemUpdate.AnnotationAdded u) {
            return u.contentIndex();
        }
        if (update instanceof ThreadItemUpdate.ContentPartDone u) {
            return u.contentIndex();
        }
        return -1;
    }
}

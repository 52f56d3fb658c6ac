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
import java.util.Objects;

/**
 * The items of one streamed answer that were announced ({@code thread.item.added}) but are not done yet, kept up
 * to date with their {@code thread.item.updated} events, so that a cancelled or stalled answer can keep what the
 * page already saw (as chatkit-python's default {@code handle_stream_cancelled} does). Confined to the turn's lock.
 */
final class PendingItems {

    private final Map<String, Draft> items = new LinkedHashMap<>();

    /** Follows one event on its way to the page. */
    void track(ThreadStreamEvent event) {
        if (event instanceof ThreadStreamEvent.ThreadItemAdded added) {
            items.put(added.item().id(), new Draft(added.item()));
        } else if (event instanceof ThreadStreamEvent.ThreadItemUpdated updated) {
            Draft draft = items.get(updated.itemId());
            if (draft != null) {
                draft.apply(updated.update());
            }
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
        return items.values().stream().map(Draft::message).filter(Objects::nonNull)
                .filter(m -> !m.text().isBlank()).toList();
    }

    /**
     * One announced item. An assistant message keeps its parts' text in builders: a delta appends to them, where
     * rebuilding the item copied all the text so far with every delta (work growing with the answer's square).
     */
    private static final class Draft {

        private final ThreadItem item;
        private final List<StringBuilder> texts = new ArrayList<>();
        private final List<List<Annotation>> annotations = new ArrayList<>();

        Draft(ThreadItem item) {
            this.item = item;
            if (item instanceof AssistantMessageItem message) {
                for (int i = 0; i < message.content().size(); i++) {
                    set(i, message.content().get(i));
                }
            }
        }

        void apply(ThreadItemUpdate update) {
            int index = contentIndex(update);
            if (!(item instanceof AssistantMessageItem) || index < 0) {
                return;
            }
            while (texts.size() <= index) {
                texts.add(new StringBuilder());
                annotations.add(new ArrayList<>());
            }
            if (update instanceof ThreadItemUpdate.ContentPartAdded u) {
                set(index, u.content());
            } else if (update instanceof ThreadItemUpdate.ContentPartDone u) {
                set(index, u.content());
            } else if (update instanceof ThreadItemUpdate.TextDelta u) {
                texts.get(index).append(u.delta());
            } else if (update instanceof ThreadItemUpdate.AnnotationAdded u) {
                List<Annotation> list = annotations.get(index);
                list.add(Math.min(Math.max(u.annotationIndex(), 0), list.size()), u.annotation());
            }
        }

        /** The message as the page has it so far; {@code null} for other items. */
        AssistantMessageItem message() {
            if (!(item instanceof AssistantMessageItem message)) {
                return null;
            }
            List<AssistantContent> content = new ArrayList<>(texts.size());
            for (int i = 0; i < texts.size(); i++) {
                content.add(AssistantContent.of(texts.get(i).toString(), annotations.get(i)));
            }
            return message.withContent(content);
        }

        private void set(int index, AssistantContent part) {
            while (texts.size() <= index) {
                texts.add(new StringBuilder());
                annotations.add(new ArrayList<>());
            }
            texts.set(index, new StringBuilder(part.text()));
            annotations.set(index, new ArrayList<>(part.annotations()));
        }
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

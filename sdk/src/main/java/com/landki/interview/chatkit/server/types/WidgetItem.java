package com.landki.interview.chatkit.server.types;

import com.landki.interview.chatkit.server.widgets.WidgetRoot;
import java.time.Instant;
import java.util.Objects;

/**
 * A widget in the thread ({@code type: "widget"}, chatkit-python's {@code WidgetItem}): a {@link WidgetRoot}
 * the page draws, and an optional {@code copy_text} the page copies instead of the widget. Stored like any item;
 * a stored widget with a component this SDK does not model is read back as a {@link RawItem} (kept exactly).
 *
 * @param id        the item id
 * @param threadId  the thread id
 * @param createdAt when it was created
 * @param widget    the widget; not {@code null}
 * @param copyText  the text copied for the widget, or {@code null}
 */
public record WidgetItem(String id, String threadId, Instant createdAt, WidgetRoot widget, String copyText)
        implements ThreadItem {

    /**
     * Checks that there is a widget.
     *
     * @param id        the item id
     * @param threadId  the thread id
     * @param createdAt when it was created
     * @param widget    the widget; not {@code null}
     * @param copyText  the copy text, or {@code null}
     * @throws NullPointerException when {@code widget} is null
     */
    public WidgetItem {
        Objects.requireNonNull(widget, "widget");
    }

    @Override
    public String type() {
        return WIDGET;
    }

    /**
     * This item showing another widget (same id, thread and time), e.g. the state after an action.
     *
     * @param newWidget the widget to show; not {@code null}
     * @return a copy; this item is unchanged
     */
    public WidgetItem withWidget(WidgetRoot newWidget) {
        return new WidgetItem(id, threadId, createdAt, newWidget, copyText);
    }
}

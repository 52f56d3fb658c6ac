package com.landki.interview.chatkit.server.widgets;

/**
 * The top of a widget tree, the {@code widget} of a widget item: a {@link Card} or a {@link ListView}.
 */
public sealed interface WidgetRoot extends WidgetComponent permits Card, ListView {
}

/**
 * Widgets: small, immutable UI trees an answer can carry ({@code WidgetItem} in
 * {@code com.landki.interview.chatkit.server.types}), serialized to the JSON of chatkit-python's widget
 * models, so OpenAI's ChatKit component and the built-in chat both draw them.
 *
 * <p>A widget's root is a {@link com.landki.interview.chatkit.server.widgets.Card} or a
 * {@link com.landki.interview.chatkit.server.widgets.ListView}; inside it go
 * {@link com.landki.interview.chatkit.server.widgets.Text}, {@link com.landki.interview.chatkit.server.widgets.Title},
 * {@link com.landki.interview.chatkit.server.widgets.Caption},
 * {@link com.landki.interview.chatkit.server.widgets.Markdown},
 * {@link com.landki.interview.chatkit.server.widgets.Badge},
 * {@link com.landki.interview.chatkit.server.widgets.Icon},
 * {@link com.landki.interview.chatkit.server.widgets.Button} (with an
 * {@link com.landki.interview.chatkit.server.widgets.ActionConfig} that comes back as
 * {@code threads.custom_action}), the layout boxes {@link com.landki.interview.chatkit.server.widgets.Row} and
 * {@link com.landki.interview.chatkit.server.widgets.Col}, {@link com.landki.interview.chatkit.server.widgets.Divider}
 * and {@link com.landki.interview.chatkit.server.widgets.Spacer}. Each component is a record with a builder;
 * a property left unset is left out of the JSON, as chatkit-python leaves out {@code None}. Token properties
 * (sizes, colors, variants) are strings with the values chatkit-python's models allow, named in each
 * builder method; they are not checked here.
 *
 * <pre>{@code
 * Card card = Card.builder()
 *     .child(Title.builder("Diese Frage liegt außerhalb der Dokumente").size("sm").build())
 *     .child(Button.builder("Als Feedback melden").onClickAction(ActionConfig.of("report", Map.of())).build())
 *     .build();
 * }</pre>
 */
package com.landki.interview.chatkit.server.widgets;

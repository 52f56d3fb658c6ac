package com.landki.interview.chatkit.server.widgets;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One node of a widget tree. The JSON discriminator is {@code type} (the component's name, e.g.
 * {@code "Card"}); {@code id} names a component for updates ({@code widget.component.updated}, streamed text),
 * {@code key} is the client's render key. All implementations are immutable records.
 */
@JsonPropertyOrder({"type"})
public sealed interface WidgetComponent
        permits WidgetRoot, ListViewItem, Text, Title, Caption, Markdown, Button, Badge, Icon, Row, Col, Divider,
        Spacer {

    /**
     * The JSON discriminator: the component's name as chatkit-python spells it.
     *
     * @return e.g. {@code "Card"}, {@code "Text"}
     */
    @JsonProperty("type")
    String type();

    /**
     * The component's id, unique in its widget; needed for updates of this one component.
     *
     * @return the id, or {@code null}
     */
    String id();

    /**
     * The client's render key.
     *
     * @return the key, or {@code null}
     */
    String key();
}

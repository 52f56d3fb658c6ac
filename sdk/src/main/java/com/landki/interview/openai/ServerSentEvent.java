package com.landki.interview.openai;

import java.util.Objects;

/**
 * One Server-Sent Event as received from a {@code text/event-stream} response.
 *
 * @param event the {@code event:} field, {@code "message"} when the event named none
 * @param data  the {@code data:} lines joined with {@code \n}
 * @param id    the last {@code id:} field seen in the stream, or {@code null}
 */
public record ServerSentEvent(String event, String data, String id) {

    /** The event type used when the stream names none. */
    public static final String DEFAULT_EVENT = "message";

    /**
     * A {@code null} event type becomes {@link #DEFAULT_EVENT}.
     *
     * @param event the {@code event:} field, or {@code null}
     * @param data the {@code data:} lines joined with {@code \n}
     * @param id the last {@code id:} field, or {@code null}
     */
    public ServerSentEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(data, "data");
    }
}

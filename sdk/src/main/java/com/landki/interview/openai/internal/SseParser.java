package com.landki.interview.openai.internal;

import com.landki.interview.openai.OpenAiBadResponseException;
import com.landki.interview.openai.ServerSentEvent;
import java.util.function.Consumer;

/**
 * Turns the lines of a {@code text/event-stream} into events, following the WHATWG rules: {@code data:} lines
 * are joined with {@code \n}, a blank line dispatches, lines starting with {@code :} are comments, one space
 * after the colon is dropped, an event without data is not dispatched, an unterminated event at the end of the
 * stream is discarded. An event whose data would exceed {@code maxDataChars} fails with
 * {@link OpenAiBadResponseException} before it is held: the data of one event is all a parser keeps. Not
 * thread-safe: one parser per stream.
 */
public final class SseParser {

    private final Consumer<ServerSentEvent> sink;
    private final int maxDataChars;
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private String event;
    private String lastId;
    private boolean first = true;

    public SseParser(Consumer<ServerSentEvent> sink, int maxDataChars) {
        this.sink = sink;
        this.maxDataChars = maxDataChars;
    }

    /** One line without its line terminator. */
    public void line(String raw) {
        String line = raw;
        if (first) {
            first = false;
            if (line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
        }
        if (line.isEmpty()) {
            dispatch();
            return;
        }
        if (line.charAt(0) == ':') {
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "data":
                if (data.length() + value.length() + 1 > maxDataChars) {
                    throw tooLarge(maxDataChars);
                }
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
                break;
            case "event":
                event = value;
                break;
            case "id":
                if (value.indexOf('\0') < 0) {
                    lastId = value;
                }
                break;
            default:
                // "retry" and unknown fields: nothing to do for a client that does not reconnect
                break;
        }
    }

    /** What a stream that sends more than {@code max} in one line or event fails with. */
    static OpenAiBadResponseException tooLarge(int max) {
        return new OpenAiBadResponseException("the stream sent an event larger than " + max
                + " bytes (OPENAI_STREAM_MAX_EVENT_BYTES)", null, null);
    }

    private void dispatch() {
        if (hasData) {
            String name = event == null || event.isEmpty() ? ServerSentEvent.DEFAULT_EVENT : event;
            ServerSentEvent e = new ServerSentEvent(name, data.toString(), lastId);
            data.setLength(0);
            hasData = false;
            event = null;
            sink.accept(e);
        } else {
            event = null;
        }
    }
}

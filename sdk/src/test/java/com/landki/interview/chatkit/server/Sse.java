package com.landki.interview.chatkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Parses a {@code text/event-stream} body back into its JSON events, checking the framing on the way. */
public final class Sse {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Sse() {
    }

    public static List<JsonNode> events(byte[] body) {
        return events(new String(body, StandardCharsets.UTF_8));
    }

    public static List<JsonNode> events(String body) {
        List<JsonNode> events = new ArrayList<>();
        if (body.isEmpty()) {
            return events;
        }
        if (!body.endsWith("\n\n")) {
            throw new AssertionError("stream does not end with a blank line: " + body);
        }
        for (String frame : body.substring(0, body.length() - 2).split("\n\n", -1)) {
            if (!frame.startsWith("data: ") || frame.contains("\n")) {
                throw new AssertionError("not a single-line data frame: " + frame);
            }
            try {
                events.add(MAPPER.readTree(frame.substring(6)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return events;
    }

    public static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.path("type").asText()).toList();
    }
}

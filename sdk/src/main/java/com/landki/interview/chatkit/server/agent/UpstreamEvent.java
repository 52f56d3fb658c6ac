package com.landki.interview.chatkit.server.agent;

/** One Server-Sent Event of the Responses API stream: its {@code event} name (may be null) and {@code data}. */
public record UpstreamEvent(String event, String data) {
}

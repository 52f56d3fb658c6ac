package com.landki.interview.chatkit.server.types;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** A message of the assistant: a list of {@code output_text} parts with their annotations. */
public record AssistantMessageItem(String id, String threadId, Instant createdAt, List<AssistantContent> content)
        implements ThreadItem {

    public AssistantMessageItem {
        content = content == null ? List.of() : List.copyOf(content);
    }

    @Override
    public String type() {
        return ASSISTANT_MESSAGE;
    }

    /** All parts' text joined by newlines. */
    @JsonIgnore
    public String text() {
        return content.stream().map(AssistantContent::text).collect(Collectors.joining("\n"));
    }

    /** This message with other content. */
    public AssistantMessageItem withContent(List<AssistantContent> newContent) {
        return new AssistantMessageItem(id, threadId, createdAt, newContent);
    }
}

package com.landki.interview.chatkit.server.types;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** A message of the assistant: a list of {@code output_text} parts with their annotations. */
public record AssistantMessageItem(String id, String threadId, Instant createdAt, List<AssistantContent> content)
        implements ThreadItem {

    /**
     * Copies the content, so the value stays immutable.
     *
     * @param id the item id
     * @param threadId the thread id
     * @param createdAt when it was created
     * @param content the parts, or {@code null} for none
     */
    public AssistantMessageItem {
        content = content == null ? List.of() : List.copyOf(content);
    }

    @Override
    public String type() {
        return ASSISTANT_MESSAGE;
    }

    /**
     * All parts' text joined by newlines.
     *
     * @return the text
     */
    @JsonIgnore
    public String text() {
        return content.stream().map(AssistantContent::text).collect(Collectors.joining("\n"));
    }

    /**
     * This message with other content.
     *
     * @param newContent the parts
     * @return a copy; this item is unchanged
     */
    public AssistantMessageItem withContent(List<AssistantContent> newContent) {
        return new AssistantMessageItem(id, threadId, createdAt, newContent);
    }
}

package com.landki.interview.chatkit.server.types;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A message the user sent. {@code attachments} is always empty here: this server does not accept attachments.
 */
public record UserMessageItem(String id, String threadId, Instant createdAt, List<UserContent> content,
                              List<Object> attachments, String quotedText, InferenceOptions inferenceOptions)
        implements ThreadItem {

    /**
     * Copies the lists and fills in defaults: no attachments, no inference options.
     *
     * @param id the item id
     * @param threadId the thread id
     * @param createdAt when it was created
     * @param content the parts; not {@code null}
     * @param attachments the attachments, or {@code null}
     * @param quotedText the text the user quoted, or {@code null}
     * @param inferenceOptions the overrides, or {@code null}
     */
    public UserMessageItem {
        content = List.copyOf(content);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        inferenceOptions = inferenceOptions == null ? InferenceOptions.none() : inferenceOptions;
    }

    @Override
    public String type() {
        return USER_MESSAGE;
    }

    /**
     * The text of all parts joined by newlines (tags contribute their text).
     *
     * @return the text
     */
    @JsonIgnore
    public String text() {
        return content.stream().map(UserContent::text).filter(t -> t != null && !t.isEmpty())
                .collect(Collectors.joining("\n"));
    }
}

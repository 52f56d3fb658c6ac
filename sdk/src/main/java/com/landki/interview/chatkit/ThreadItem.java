package com.landki.interview.chatkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One item of a ChatKit thread ({@code GET /chatkit/threads/{id}/items}). Switch over the records; an item type
 * this SDK does not know yet arrives as {@link Unknown} instead of failing the whole page.
 */
public sealed interface ThreadItem {

    /**
     * {@code cthi_…}.
     *
     * @return the item id
     */
    String id();

    /**
     * The thread the item belongs to.
     *
     * @return the thread id ({@code cthr_…})
     */
    String threadId();

    /**
     * Unix seconds.
     *
     * @return the creation time in Unix seconds
     */
    long createdAt();

    /**
     * The API's type, e.g. {@code chatkit.user_message}.
     *
     * @return the type string
     */
    String type();

    /**
     * A message the user wrote.
     *
     * @param content          the parts ({@code input_text}, {@code quoted_text}, …)
     * @param attachments      attached files and images
     * @param inferenceOptions model and tool choice overrides, or {@code null}
     */
    record UserMessage(String id, String threadId, long createdAt, List<Content> content,
            List<Attachment> attachments, InferenceOptions inferenceOptions) implements ThreadItem {

        /** The API's type string of a user message. */
        public static final String TYPE = "chatkit.user_message";

        /**
         * Copies the lists, so the value stays immutable.
         *
         * @param id the item id
         * @param threadId the thread id
         * @param createdAt Unix seconds
         * @param content the parts; not {@code null}
         * @param attachments the attachments; not {@code null}
         * @param inferenceOptions the overrides, or {@code null}
         */
        public UserMessage {
            content = List.copyOf(content);
            attachments = List.copyOf(attachments);
        }

        @Override
        public String type() {
            return TYPE;
        }

        /**
         * The text of the {@code input_text} parts, joined without separator.
         *
         * @return the text, empty when there is none
         */
        public String text() {
            return content.stream().filter(c -> "input_text".equals(c.type())).map(Content::text)
                    .collect(Collectors.joining());
        }

        /** @param type {@code input_text}, {@code quoted_text} or a later type */
        public record Content(String type, String text) {
        }

        /** @param type {@code image} or {@code file} */
        public record Attachment(String id, String type, String name, String mimeType, String previewUrl) {
        }

        /** @param toolChoiceId the preferred tool's id, or {@code null} */
        public record InferenceOptions(String model, String toolChoiceId) {
        }
    }

    /** A reply of the assistant; {@link #text()} is what the user saw. */
    record AssistantMessage(String id, String threadId, long createdAt, List<OutputText> content)
            implements ThreadItem {

        /** The API's type string of an assistant message. */
        public static final String TYPE = "chatkit.assistant_message";

        /**
         * Copies the list, so the value stays immutable.
         *
         * @param id the item id
         * @param threadId the thread id
         * @param createdAt Unix seconds
         * @param content the parts; not {@code null}
         */
        public AssistantMessage {
            content = List.copyOf(content);
        }

        @Override
        public String type() {
            return TYPE;
        }

        /**
         * The text of the {@code output_text} parts, joined without separator.
         *
         * @return the text, empty when there is none
         */
        public String text() {
            return content.stream().filter(c -> "output_text".equals(c.type())).map(OutputText::text)
                    .collect(Collectors.joining());
        }

        /** @param type {@code output_text} or a later type */
        public record OutputText(String type, String text, List<Annotation> annotations) {
            /**
             * Copies the list, so the value stays immutable.
             *
             * @param type {@code output_text} or a later type
             * @param text the text
             * @param annotations the citations; not {@code null}
             */
            public OutputText {
                annotations = List.copyOf(annotations);
            }
        }

        /**
         * A source cited by the reply.
         *
         * @param type     {@code file} or {@code url}
         * @param filename the cited file, or {@code null}
         * @param url      the cited URL, or {@code null}
         */
        public record Annotation(String type, String filename, String url) {
        }
    }

    /**
     * A tool the workflow asked the browser to run.
     *
     * @param name      the tool
     * @param arguments its arguments, JSON text
     * @param callId    the call's id
     * @param output    the tool's output, JSON text, or {@code null} while running
     * @param status    {@code in_progress}, {@code completed} or a later value
     */
    record ClientToolCall(String id, String threadId, long createdAt, String name, String arguments, String callId,
            String output, String status) implements ThreadItem {

        /** The API's type string of a client tool call. */
        public static final String TYPE = "chatkit.client_tool_call";
        /** {@link #status()} while the browser runs the tool. */
        public static final String STATUS_IN_PROGRESS = "in_progress";
        /** {@link #status()} once the tool has answered. */
        public static final String STATUS_COMPLETED = "completed";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** @param widget the serialized widget, JSON text */
    record Widget(String id, String threadId, long createdAt, String widget) implements ThreadItem {

        /** The API's type string of a widget. */
        public static final String TYPE = "chatkit.widget";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** @param taskType {@code custom}, {@code thought} or a later value */
    record Task(String id, String threadId, long createdAt, String heading, String summary, String taskType)
            implements ThreadItem {

        /** The API's type string of a task. */
        public static final String TYPE = "chatkit.task";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** Several tasks shown together. */
    record TaskGroup(String id, String threadId, long createdAt, List<Entry> tasks) implements ThreadItem {

        /** The API's type string of a task group. */
        public static final String TYPE = "chatkit.task_group";

        /**
         * Copies the list, so the value stays immutable.
         *
         * @param id the item id
         * @param threadId the thread id
         * @param createdAt Unix seconds
         * @param tasks the tasks; not {@code null}
         */
        public TaskGroup {
            tasks = List.copyOf(tasks);
        }

        @Override
        public String type() {
            return TYPE;
        }

        /** @param type {@code custom}, {@code thought} or a later value */
        public record Entry(String type, String heading, String summary) {
        }
    }

    /** An item of a type this SDK does not model; {@link #raw()} holds the whole JSON object. */
    record Unknown(String id, String threadId, long createdAt, String type, JsonNode raw) implements ThreadItem {
    }
}

package com.landki.interview.chatkit.server.types;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.landki.interview.chatkit.server.widgets.WidgetComponent;
import com.landki.interview.chatkit.server.widgets.WidgetRoot;

/** The {@code update} of a {@code thread.item.updated} event; discriminated by {@code type}. */
@JsonPropertyOrder({"type"})
public sealed interface ThreadItemUpdate {

    /**
     * The JSON discriminator.
     *
     * @return the update's type
     */
    @JsonProperty("type")
    String type();

    /** A new content part starts at {@code content_index}. */
    record ContentPartAdded(int contentIndex, AssistantContent content) implements ThreadItemUpdate {
        @Override
        public String type() {
            return "assistant_message.content_part.added";
        }
    }

    /** Text appended to the part at {@code content_index}. */
    record TextDelta(int contentIndex, String delta) implements ThreadItemUpdate {
        @Override
        public String type() {
            return "assistant_message.content_part.text_delta";
        }
    }

    /** An annotation added to the part at {@code content_index}. */
    record AnnotationAdded(int contentIndex, int annotationIndex, Annotation annotation) implements ThreadItemUpdate {
        @Override
        public String type() {
            return "assistant_message.content_part.annotation_added";
        }
    }

    /** The part at {@code content_index} is final. */
    record ContentPartDone(int contentIndex, AssistantContent content) implements ThreadItemUpdate {
        @Override
        public String type() {
            return "assistant_message.content_part.done";
        }
    }

    /** A task appended to a workflow at {@code task_index}. */
    record WorkflowTaskAdded(int taskIndex, WorkflowItem.Task task) implements ThreadItemUpdate {
        @Override
        public String type() {
            return "workflow.task.added";
        }
    }

    /** The task at {@code task_index} of a workflow, as it is now. */
    record WorkflowTaskUpdated(int taskIndex, WorkflowItem.Task task) implements ThreadItemUpdate {
        @Override
        public String type() {
            return "workflow.task.updated";
        }
    }

    /** A widget item shows {@code widget} instead of what it showed (chatkit-python's {@code WidgetRootUpdated}). */
    record WidgetRootUpdated(WidgetRoot widget) implements ThreadItemUpdate {
        @Override
        public String type() {
            return "widget.root.updated";
        }
    }

    /** The component with id {@code component_id} of a widget item is now {@code component}. */
    record WidgetComponentUpdated(String componentId, WidgetComponent component) implements ThreadItemUpdate {
        @Override
        public String type() {
            return "widget.component.updated";
        }
    }

    /** Text appended to the {@code Text} or {@code Markdown} with id {@code component_id}; {@code done} at its end. */
    record WidgetStreamingTextValueDelta(String componentId, String delta, boolean done) implements ThreadItemUpdate {
        @Override
        public String type() {
            return "widget.streaming_text.value_delta";
        }
    }
}

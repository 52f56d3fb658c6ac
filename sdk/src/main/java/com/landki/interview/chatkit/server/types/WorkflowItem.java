package com.landki.interview.chatkit.server.types;

import java.time.Instant;
import java.util.List;

/**
 * A workflow shown above an answer ({@code type: "workflow"}), e.g. the model's reasoning: a {@code reasoning}
 * workflow whose tasks are {@code thought}s, closed with a duration summary when the answer's message starts.
 * Stored items of this type are read back as {@link RawItem} (kept exactly, whatever task kinds they hold).
 */
public record WorkflowItem(String id, String threadId, Instant createdAt, Workflow workflow) implements ThreadItem {

    /** The workflow type of the model's reasoning. */
    public static final String REASONING = "reasoning";

    @Override
    public String type() {
        return WORKFLOW;
    }

    /**
     * This item with another workflow.
     *
     * @param newWorkflow the workflow to show
     * @return a copy with {@code newWorkflow}
     */
    public WorkflowItem withWorkflow(Workflow newWorkflow) {
        return new WorkflowItem(id, threadId, createdAt, newWorkflow);
    }

    /** {@code type} is {@code reasoning} or {@code custom}; {@code summary} is set when the workflow ends. */
    public record Workflow(String type, List<Task> tasks, Summary summary, boolean expanded) {
        /**
         * Copies {@code tasks} (null: none).
         *
         * @param type     {@code reasoning} or {@code custom}
         * @param tasks    the tasks, or null
         * @param summary  set when the workflow ends, else null
         * @param expanded whether the client shows it open
         */
        public Workflow {
            tasks = tasks == null ? List.of() : List.copyOf(tasks);
        }
    }

    /** A task: {@code thought} (with {@code content}) or {@code custom} (with {@code title}, {@code content}). */
    public record Task(String type, String title, String content, String statusIndicator) {

        /**
         * Fills in chatkit-python's default {@code status_indicator}, {@code "none"}.
         *
         * @param type            {@code thought} or {@code custom}
         * @param title           the title, or {@code null}
         * @param content         the text, or {@code null}
         * @param statusIndicator {@code none}, {@code loading} or {@code complete}; {@code null}: {@code none}
         */
        public Task {
            statusIndicator = statusIndicator == null ? "none" : statusIndicator;
        }

        /**
         * A thought of the model's reasoning.
         *
         * @param content the thought's text
         * @return the task
         */
        public static Task thought(String content) {
            return new Task("thought", null, content, null);
        }
    }

    /** How a finished workflow is summed up: its {@code duration} in seconds, or a custom {@code title}. */
    public record Summary(String title, Integer duration) {

        /**
         * The duration summary.
         *
         * @param seconds how long the workflow took
         * @return the summary, capped at {@link Integer#MAX_VALUE} seconds
         */
        public static Summary duration(long seconds) {
            return new Summary(null, (int) Math.min(seconds, Integer.MAX_VALUE));
        }
    }
}

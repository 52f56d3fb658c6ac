package com.landki.interview.chatkit.server.types;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A request for structured input shown to the user ({@code type: "structured_input"}): questions answered by
 * choosing options ({@code multiple_choice}) or by free text ({@code freeform}). A responder emits it
 * {@link #PENDING}; the page answers with {@code threads.add_structured_input}, after which the server replaces it
 * with its {@link #ANSWERED} or {@link #SKIPPED} copy ({@code thread.item.replaced}) and the responder continues.
 *
 * @param id        the item id
 * @param threadId  the thread id
 * @param createdAt when it was created
 * @param status    {@link #PENDING}, {@link #ANSWERED} or {@link #SKIPPED}; {@code null}: pending
 * @param inputs    the questions, in the order shown
 */
public record StructuredInputItem(String id, String threadId, Instant createdAt, String status, List<Input> inputs)
        implements ThreadItem {

    /** {@link #status()} until the page answered. */
    public static final String PENDING = "pending";
    /** {@link #status()} once the user answered. */
    public static final String ANSWERED = "answered";
    /** {@link #status()} once the user skipped the whole request. */
    public static final String SKIPPED = "skipped";

    /**
     * Fills in defaults and copies the list.
     *
     * @param id        the item id
     * @param threadId  the thread id
     * @param createdAt when it was created
     * @param status    the status, or {@code null} for pending
     * @param inputs    the questions; not {@code null}
     */
    public StructuredInputItem {
        status = status == null ? PENDING : status;
        inputs = List.copyOf(Objects.requireNonNull(inputs, "inputs"));
    }

    @Override
    public String type() {
        return STRUCTURED_INPUT;
    }

    /**
     * This item with another status and questions (their answers filled in).
     *
     * @param newStatus {@link #ANSWERED} or {@link #SKIPPED}
     * @param newInputs the questions with their answers
     * @return a copy; this item is unchanged
     */
    public StructuredInputItem answered(String newStatus, List<Input> newInputs) {
        return new StructuredInputItem(id, threadId, createdAt, newStatus, newInputs);
    }

    /**
     * One question. {@code options} and {@code multiple} belong to {@code multiple_choice}, {@code description} to
     * {@code freeform}; what a type does not have is {@code null} and left out of the JSON.
     *
     * @param type        {@link #MULTIPLE_CHOICE} or {@link #FREEFORM}
     * @param id          stable id, the key of its answer in {@code threads.add_structured_input}
     * @param question    the question shown
     * @param answer      the recorded answer, or {@code null} while there is none
     * @param options     the offered choices ({@code multiple_choice}), or {@code null}
     * @param multiple    whether more than one value may be chosen ({@code multiple_choice}), or {@code null}
     * @param description text shown with a {@code freeform} question, or {@code null}
     */
    public record Input(String type, String id, String question, Answer answer, List<Option> options,
                        Boolean multiple, String description) {

        /**
         * Gives a {@code multiple_choice} question chatkit-python's defaults (no options, single choice).
         *
         * @param type        {@link #MULTIPLE_CHOICE} or {@link #FREEFORM}
         * @param id          its id; not {@code null}
         * @param question    the question; not {@code null}
         * @param answer      the answer, or {@code null}
         * @param options     the choices, or {@code null}
         * @param multiple    whether more than one may be chosen, or {@code null}
         * @param description the free-text question's description, or {@code null}
         */
        public Input {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(question, "question");
            if (MULTIPLE_CHOICE.equals(type)) {
                options = options == null ? List.of() : List.copyOf(options);
                multiple = multiple != null && multiple;
            }
        }

        /** {@link #type()} of a question answered by choosing. */
        public static final String MULTIPLE_CHOICE = "multiple_choice";
        /** {@link #type()} of a question answered with free text. */
        public static final String FREEFORM = "freeform";

        /**
         * A multiple-choice question.
         *
         * @param id       its id
         * @param question the question
         * @param values   the choices
         * @param multiple whether more than one may be chosen
         * @return the question, unanswered
         */
        public static Input multipleChoice(String id, String question, List<String> values, boolean multiple) {
            return new Input(MULTIPLE_CHOICE, id, question, null, values.stream().map(Option::new).toList(),
                    multiple, null);
        }

        /**
         * A free-text question.
         *
         * @param id          its id
         * @param question    the question
         * @param description shown with it, or {@code null}
         * @return the question, unanswered
         */
        public static Input freeform(String id, String question, String description) {
            return new Input(FREEFORM, id, question, null, null, null, description);
        }

        /**
         * This question with {@code newAnswer}.
         *
         * @param newAnswer the answer
         * @return a copy; this question is unchanged
         */
        public Input withAnswer(Answer newAnswer) {
            return new Input(type, id, question, newAnswer, options, multiple, description);
        }
    }

    /**
     * An answer: the chosen or typed values, or skipped.
     *
     * @param values  the values (none when skipped)
     * @param skipped whether the question was skipped
     */
    public record Answer(List<String> values, boolean skipped) {

        /**
         * Copies the values ({@code null}: none).
         *
         * @param values  the values
         * @param skipped whether it was skipped
         */
        public Answer {
            values = values == null ? List.of() : List.copyOf(values);
        }

        /**
         * A skipped answer.
         *
         * @return the answer
         */
        public static Answer skip() {
            return new Answer(List.of(), true);
        }
    }

    /**
     * A choice of a {@code multiple_choice} question.
     *
     * @param value the text submitted when it is chosen
     */
    public record Option(String value) {
    }
}

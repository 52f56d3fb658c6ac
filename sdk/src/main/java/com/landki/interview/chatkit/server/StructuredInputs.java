package com.landki.interview.chatkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.landki.interview.chatkit.server.types.ChatKitException;
import com.landki.interview.chatkit.server.types.StructuredInputItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers of {@code threads.add_structured_input} applied to a pending structured-input item, by
 * chatkit-python's rules: a question without a value, with {@code skipped}, or in a submission that is
 * {@code skipped} as a whole is recorded as skipped; a single-choice question keeps its first value; answers to
 * questions the item does not have are ignored; the item takes the submission's status.
 */
final class StructuredInputs {

    private static final Logger LOG = LoggerFactory.getLogger(StructuredInputs.class);

    private StructuredInputs() {
    }

    /** A submitted answer before it is applied. */
    private record Submitted(List<String> values, boolean skipped) {
    }

    /**
     * {@code item} answered with {@code input} ({@code {status?, answers?}}).
     *
     * @throws ChatKitException 400 when the item is not pending or the input has the wrong shape
     */
    static StructuredInputItem apply(StructuredInputItem item, JsonNode input) {
        if (!StructuredInputItem.PENDING.equals(item.status())) {
            throw ChatKitException.validation("params.item_id", "names a structured input that is not pending");
        }
        if (input == null || !input.isObject()) {
            throw ChatKitException.validation("params.input", "must be an object");
        }
        String status = StructuredInputItem.ANSWERED;
        JsonNode statusNode = input.get("status");
        if (statusNode != null) {
            if (!statusNode.isTextual() || !(StructuredInputItem.ANSWERED.equals(statusNode.asText())
                    || StructuredInputItem.SKIPPED.equals(statusNode.asText()))) {
                throw ChatKitException.validation("params.input.status", "must be \"answered\" or \"skipped\"");
            }
            status = statusNode.asText();
        }
        Map<String, Submitted> answers = answers(input.get("answers"));
        List<String> unknown = answers.keySet().stream()
                .filter(id -> item.inputs().stream().noneMatch(q -> q.id().equals(id))).sorted().toList();
        if (!unknown.isEmpty()) {
            LOG.warn("structured input {} got answers to unknown questions, ignored: {}", item.id(), unknown);
        }
        List<StructuredInputItem.Input> answered = new ArrayList<>();
        for (StructuredInputItem.Input question : item.inputs()) {
            Submitted answer = answers.get(question.id());
            if (StructuredInputItem.SKIPPED.equals(status) || answer == null || answer.skipped()
                    || answer.values().isEmpty()) {
                answered.add(question.withAnswer(StructuredInputItem.Answer.skip()));
                continue;
            }
            List<String> values = answer.values();
            if (StructuredInputItem.Input.MULTIPLE_CHOICE.equals(question.type())
                    && !Boolean.TRUE.equals(question.multiple())) {
                values = values.subList(0, 1);
            }
            answered.add(question.withAnswer(new StructuredInputItem.Answer(values, false)));
        }
        return item.answered(status, answered);
    }

    private static Map<String, Submitted> answers(JsonNode node) {
        Map<String, Submitted> answers = new HashMap<>();
        if (node == null) {
            return answers;
        }
        if (!node.isObject()) {
            throw ChatKitException.validation("params.input.answers", "must be an object keyed by question id");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = "params.input.answers." + RequestParams.shorten(field.getKey());
            JsonNode answer = field.getValue();
            if (!answer.isObject()) {
                throw ChatKitException.validation(name, "must be an object");
            }
            List<String> values = new ArrayList<>();
            JsonNode valuesNode = answer.get("values");
            if (valuesNode != null) {
                if (!valuesNode.isArray()) {
                    throw ChatKitException.validation(name + ".values", "must be an array of strings");
                }
                for (JsonNode value : valuesNode) {
                    if (!value.isTextual()) {
                        throw ChatKitException.validation(name + ".values", "must be an array of strings");
                    }
                    values.add(value.asText());
                }
            }
            JsonNode skipped = answer.get("skipped");
            if (skipped != null && !skipped.isBoolean()) {
                throw ChatKitException.validation(name + ".skipped", "must be a boolean");
            }
            answers.put(field.getKey(), new Submitted(values, skipped != null && skipped.asBoolean()));
        }
        return answers;
    }
}

package com.landki.interview.classify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.landki.interview.internal.JsonMappers;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the workflow's own out-of-scope flag from the items of a turn — the structured path, more reliable
 * than scanning text:
 *
 * <ol>
 *   <li>a client tool call ({@value ChatItem#CLIENT_TOOL_CALL}) named {@value #DEFAULT_TOOL_NAME} (or
 *       the configured name). Its JSON {@code arguments} may carry {@code out_of_scope} (boolean, also
 *       accepted nested as {@code classification.out_of_scope}) and a {@code reason}; a call without the
 *       flag, or with arguments that are no JSON object, still reports out of scope — making the call is
 *       the report;</li>
 *   <li>{@code classification.out_of_scope} in an assistant message's metadata (nested
 *       {@code {"classification":{"out_of_scope":true}}} or the flat key
 *       {@code "classification.out_of_scope"}).</li>
 * </ol>
 *
 * <p>A flag that says {@code true} anywhere in the turn makes it out of scope; otherwise an explicit
 * {@code false} gives a structured in-scope decision (which, in a {@link CombinedClassifier}, keeps marker
 * phrases from overruling the workflow); otherwise the decision is {@link ScopeDecision#none()}. The
 * decision's {@code marker} is the tool name or {@value #METADATA_KEY}. The answer text is not looked at.
 *
 * <p>Immutable and thread-safe.
 */
public final class StructuredClassifier implements ScopeClassifier {

    /** The client tool the workflow calls to report out of scope. */
    public static final String DEFAULT_TOOL_NAME = "report_out_of_scope";
    /** The metadata flag, reported as the decision's {@code marker}. */
    public static final String METADATA_KEY = "classification.out_of_scope";
    /** The argument of the tool call that carries the flag. */
    public static final String ARGUMENT_OUT_OF_SCOPE = "out_of_scope";
    /** The argument of the tool call that carries the workflow's reason (logged, not interpreted). */
    public static final String ARGUMENT_REASON = "reason";

    private static final Logger LOG = LoggerFactory.getLogger(StructuredClassifier.class);
    private static final ObjectMapper JSON = JsonMappers.json();
    private static final StructuredClassifier DEFAULT = new StructuredClassifier(DEFAULT_TOOL_NAME);

    private final String toolName;

    private StructuredClassifier(String toolName) {
        this.toolName = toolName;
    }

    /**
     * Looks for the tool {@value #DEFAULT_TOOL_NAME} and the metadata flag.
     *
     * @return the classifier
     */
    public static StructuredClassifier ofDefaults() {
        return DEFAULT;
    }

    /**
     * Looks for a client tool call with the given name and the metadata flag.
     *
     * @return the classifier
     * @param toolName the client tool name the workflow calls, e.g. {@value #DEFAULT_TOOL_NAME}
     */
    public static StructuredClassifier withToolName(String toolName) {
        Objects.requireNonNull(toolName, "toolName");
        if (toolName.isBlank()) {
            throw new IllegalArgumentException("toolName: must not be blank");
        }
        return new StructuredClassifier(toolName.strip());
    }

    /**
     * The client tool name this classifier looks for.
     *
     * @return the tool name
     */
    public String toolName() {
        return toolName;
    }

    @Override
    public ScopeDecision classify(Turn turn) {
        Objects.requireNonNull(turn, "turn");
        ScopeDecision inScope = null;
        for (ChatItem item : turn.items()) {
            ScopeDecision decision = flagOf(item);
            if (decision == null) {
                continue;
            }
            if (decision.outOfScope()) {
                return decision;
            }
            inScope = decision;
        }
        return inScope != null ? inScope : ScopeDecision.none();
    }

    /** The flag one item carries, or {@code null}. */
    private ScopeDecision flagOf(ChatItem item) {
        if (item.isClientToolCall() && toolName.equals(item.toolName())) {
            return ScopeDecision.structured(toolCallFlag(item.toolArguments()), toolName);
        }
        if (item.isAssistantMessage() && !item.metadata().isEmpty()) {
            Boolean flag = metadataFlag(item.metadata());
            if (flag != null) {
                return ScopeDecision.structured(flag, METADATA_KEY);
            }
        }
        return null;
    }

    /**
     * The {@code reason} argument of the last client tool call named {@code toolName} in the turn, for the
     * log; empty when there is none or the arguments are no JSON object.
     *
     * @param turn the turn
     * @param toolName the client tool name
     * @return the reason, or empty
     */
    public static Optional<String> reasonOf(Turn turn, String toolName) {
        Objects.requireNonNull(turn, "turn");
        Objects.requireNonNull(toolName, "toolName");
        for (int i = turn.items().size() - 1; i >= 0; i--) {
            ChatItem item = turn.items().get(i);
            if (item.isClientToolCall() && toolName.equals(item.toolName()) && item.toolArguments() != null) {
                try {
                    JsonNode root = JSON.readTree(item.toolArguments());
                    JsonNode reason = root == null ? null : root.get(ARGUMENT_REASON);
                    if (reason != null && reason.isTextual() && !reason.textValue().isBlank()) {
                        return Optional.of(reason.textValue());
                    }
                } catch (JsonProcessingException e) {
                    LOG.debug("{} arguments are no JSON ({}); no reason", toolName, e.getOriginalMessage());
                }
            }
        }
        return Optional.empty();
    }

    private boolean toolCallFlag(String arguments) {
        if (arguments == null || arguments.isBlank()) {
            return true;
        }
        JsonNode node;
        try {
            node = JSON.readTree(arguments);
        } catch (JsonProcessingException e) {
            // still a report: the workflow called the tool; its arguments are just unusable
            LOG.debug("{} arguments are no JSON ({}); counted as out of scope", toolName, e.getOriginalMessage());
            return true;
        }
        if (node == null || !node.isObject()) {
            return true;
        }
        Boolean flag = asFlag(node.get(ARGUMENT_OUT_OF_SCOPE));
        if (flag == null) {
            flag = asFlag(node.path("classification").get(ARGUMENT_OUT_OF_SCOPE));
        }
        return flag == null || flag;
    }

    private static Boolean metadataFlag(Map<String, Object> metadata) {
        Object nested = metadata.get("classification");
        if (nested instanceof Map<?, ?> classification) {
            Boolean flag = asFlag(classification.get(ARGUMENT_OUT_OF_SCOPE));
            if (flag != null) {
                return flag;
            }
        }
        return asFlag(metadata.get(METADATA_KEY));
    }

    /** {@code true}/{@code false} as JSON boolean, Java boolean or string; anything else is no flag. */
    private static Boolean asFlag(Object value) {
        if (value instanceof JsonNode node) {
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            value = node.isTextual() ? node.textValue() : null;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof String text) {
            String t = text.strip();
            if (t.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (t.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "StructuredClassifier[toolName=" + toolName + "]";
    }
}

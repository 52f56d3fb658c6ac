package com.landki.interview.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StructuredClassifierTest {

    private final StructuredClassifier structured = StructuredClassifier.ofDefaults();

    private static Turn turn(ChatItem... items) {
        return new Turn("Wie hoch ist das Gehalt?", "Dazu habe ich leider nichts.", List.of(items));
    }

    @Test
    void toolCallWithFlagTrueIsOutOfScope() {
        ScopeDecision decision = structured.classify(turn(
                ChatItem.assistantMessage("Dazu habe ich leider nichts."),
                ChatItem.clientToolCall("report_out_of_scope", "{\"out_of_scope\":true,\"reason\":\"salary\"}")));

        assertThat(decision).isEqualTo(new ScopeDecision(true, ScopeDecision.Source.STRUCTURED, "report_out_of_scope"));
    }

    @Test
    void toolCallWithoutUsableArgumentsStillReportsOutOfScope() {
        for (String arguments : new String[] {null, "", "{}", "not json", "[1,2]", "{\"reason\":\"x\"}"}) {
            assertThat(structured.classify(turn(ChatItem.clientToolCall("report_out_of_scope", arguments))).outOfScope())
                    .as("arguments %s", arguments).isTrue();
        }
    }

    @Test
    void toolCallWithFlagFalseIsAStructuredInScopeDecision() {
        ScopeDecision decision = structured.classify(turn(
                ChatItem.clientToolCall("report_out_of_scope", "{\"out_of_scope\":\"false\"}")));

        assertThat(decision).isEqualTo(new ScopeDecision(false, ScopeDecision.Source.STRUCTURED, "report_out_of_scope"));
    }

    @Test
    void flagNestedUnderClassificationInTheArgumentsIsRead() {
        ScopeDecision decision = structured.classify(turn(
                ChatItem.clientToolCall("report_out_of_scope", "{\"classification\":{\"out_of_scope\":false}}")));

        assertThat(decision).isEqualTo(ScopeDecision.structured(false, "report_out_of_scope"));
    }

    @Test
    void otherToolsAndItemTypesAreIgnored() {
        ScopeDecision decision = structured.classify(turn(
                ChatItem.clientToolCall("open_calendar", "{\"out_of_scope\":true}"),
                ChatItem.of(ChatItem.WIDGET),
                ChatItem.of("chatkit.something_new"),
                ChatItem.assistantMessage("Gern.")));

        assertThat(decision).isEqualTo(ScopeDecision.none());
    }

    @Test
    void configuredToolNameIsRecognized() {
        StructuredClassifier custom = StructuredClassifier.withToolName("flag_off_topic");

        assertThat(custom.classify(turn(ChatItem.clientToolCall("flag_off_topic", "{}"))))
                .isEqualTo(ScopeDecision.structured(true, "flag_off_topic"));
        assertThat(custom.classify(turn(ChatItem.clientToolCall("report_out_of_scope", "{}"))))
                .isEqualTo(ScopeDecision.none());
        assertThatThrownBy(() -> StructuredClassifier.withToolName(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("toolName");
    }

    @Test
    void nestedMetadataFlagIsRead() {
        ChatItem answer = ChatItem.assistantMessage("Das weiß ich nicht.",
                Map.of("classification", Map.of("out_of_scope", true)));

        assertThat(structured.classify(turn(answer)))
                .isEqualTo(ScopeDecision.structured(true, StructuredClassifier.METADATA_KEY));
    }

    @Test
    void flatMetadataKeyIsRead() {
        ChatItem answer = ChatItem.assistantMessage("Gern, hier die Antwort.",
                Map.of("classification.out_of_scope", "false"));

        assertThat(structured.classify(turn(answer)))
                .isEqualTo(ScopeDecision.structured(false, StructuredClassifier.METADATA_KEY));
    }

    @Test
    void anyTrueFlagWinsOverAFalseOneInTheSameTurn() {
        ScopeDecision decision = structured.classify(turn(
                ChatItem.assistantMessage("…", Map.of("classification", Map.of("out_of_scope", false))),
                ChatItem.clientToolCall("report_out_of_scope", "{\"out_of_scope\":true}")));

        assertThat(decision.outOfScope()).isTrue();
        assertThat(decision.marker()).isEqualTo("report_out_of_scope");
    }

    @Test
    void answerTextAloneIsNoStructuredSignal() {
        assertThat(structured.classify(Turn.of("Q?", "That is outside my scope."))).isEqualTo(ScopeDecision.none());
    }

    @Test
    void reasonOfTheLastMatchingToolCall() {
        Turn turn = turn(
                ChatItem.clientToolCall("report_out_of_scope", "{\"reason\":\"first\"}"),
                ChatItem.clientToolCall("report_out_of_scope", "{\"out_of_scope\":true,\"reason\":\"Gehalt\"}"));

        assertThat(StructuredClassifier.reasonOf(turn, "report_out_of_scope")).contains("Gehalt");
        assertThat(StructuredClassifier.reasonOf(turn(ChatItem.clientToolCall("report_out_of_scope", "broken")),
                "report_out_of_scope")).isEmpty();
    }
}

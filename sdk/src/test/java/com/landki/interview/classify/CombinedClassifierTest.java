package com.landki.interview.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CombinedClassifierTest {

    private final ScopeClassifier classifier = ScopeClassifier.ofDefaults();

    @Test
    void structuredToolCallWinsOverMarkerPhrase() {
        Turn turn = new Turn("Was verdient man?", "Das liegt außerhalb meines Aufgabenbereichs.", List.of(
                ChatItem.assistantMessage("Das liegt außerhalb meines Aufgabenbereichs."),
                ChatItem.clientToolCall("report_out_of_scope", "{\"out_of_scope\":true}")));

        assertThat(classifier.classify(turn))
                .isEqualTo(new ScopeDecision(true, ScopeDecision.Source.STRUCTURED, "report_out_of_scope"));
    }

    @Test
    void structuredInScopeFlagIsNotOverruledByMarkers() {
        Turn turn = new Turn("Darf ich Fragen überspringen?",
                "Ja. Fragen, die Sie nicht beantworten möchten, können Sie überspringen – das kann ich nicht beantworten "
                        + "ist eine völlig legitime Antwort.",
                List.of(ChatItem.clientToolCall("report_out_of_scope", "{\"out_of_scope\":false}")));

        assertThat(classifier.classify(turn))
                .isEqualTo(new ScopeDecision(false, ScopeDecision.Source.STRUCTURED, "report_out_of_scope"));
    }

    @Test
    void markersDecideWhenThereIsNoStructuredFlag() {
        ScopeDecision decision = classifier.classify("Can I bring a pet?", "Sorry, that is outside my scope.");

        assertThat(decision).isEqualTo(ScopeDecision.marker("outside my scope"));
    }

    @Test
    void neitherGivesNone() {
        assertThat(classifier.classify("Wie lange dauert es?", "Etwa 45 Minuten.")).isEqualTo(ScopeDecision.none());
    }

    @Test
    void asksInTheGivenOrder() {
        ScopeClassifier always = turn -> ScopeDecision.marker("first");
        ScopeClassifier never = turn -> ScopeDecision.none();

        assertThat(CombinedClassifier.of(never, always).classify(Turn.of("q", "a")).marker()).isEqualTo("first");
        assertThat(CombinedClassifier.of(never).classify(Turn.of("q", "a"))).isEqualTo(ScopeDecision.none());
        assertThatThrownBy(CombinedClassifier::of).isInstanceOf(IllegalArgumentException.class);
    }
}

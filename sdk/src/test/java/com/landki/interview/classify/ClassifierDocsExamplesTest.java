package com.landki.interview.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Java snippets of docs/classifier.md, so they keep compiling and doing what the text says. */
class ClassifierDocsExamplesTest {

    @Test
    void classifyingText() {
        String userQuestion = "Wie ist das Wetter morgen?";
        String assistantReply = "Das liegt außerhalb meines Aufgabenbereichs.";

        // docs/classifier.md "Classifying text"
        ScopeClassifier classifier = ScopeClassifier.ofDefaults();
        ScopeDecision decision = classifier.classify(userQuestion, assistantReply);

        assertThat(decision.outOfScope()).isTrue();
        assertThat(decision.source()).isEqualTo(ScopeDecision.Source.MARKER);
        assertThat(decision.marker()).isEqualTo("außerhalb meines Aufgabenbereichs");
    }

    @Test
    void yourOwnListFromCode() {
        // docs/classifier.md "Your own list"
        MarkerClassifier onlyOurs = MarkerClassifier.of(List.of("nur zum Thema Umzug", "not our department"));
        MarkerClassifier more = MarkerClassifier.builder()
                .addDefaults()
                .addPhrase("frag lieber die Personalabteilung")
                .build();
        ScopeClassifier classifier = CombinedClassifier.of(StructuredClassifier.ofDefaults(), more);

        assertThat(onlyOurs.find("Sorry, not our department.")).contains("not our department");
        assertThat(classifier.classify("Gehalt?", "Das frag lieber die Personalabteilung.").marker())
                .isEqualTo("frag lieber die Personalabteilung");
    }
}

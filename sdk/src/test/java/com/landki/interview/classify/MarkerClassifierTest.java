package com.landki.interview.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.landki.interview.config.ConfigSource;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkerClassifierTest {

    private final MarkerClassifier defaults = MarkerClassifier.ofDefaults();

    @ParameterizedTest
    @ValueSource(strings = {
        "Dazu liegen mir leider keine Informationen vor. Die bereitgestellten Dokumente behandeln den "
            + "Ablauf des Interviews, nicht die Gehaltsstruktur.",
        "Diese Frage liegt außerhalb meines Aufgabenbereichs. Bitte stelle mir Fragen zum Interview.",
        "Das kann ich leider nicht beantworten – in den Unterlagen nicht enthalten sind Angaben zu Boni.",
        "Entschuldigung, aber das gehört nicht zu meinem Aufgabenbereich.",
        "Bitte stellen Sie eine Frage zur Studie oder zum Ablauf des Gesprächs.",
    })
    void germanOutOfScopeAnswersAreFound(String answer) {
        assertThat(defaults.classifyText(answer).outOfScope()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "I'm sorry, but I don't have information about parking at the venue in the provided documents.",
        "That question is outside my scope. I can only answer questions about the interview study.",
        "Unfortunately the documents do not contain anything on salaries.",
        "I cannot answer that, because it is not covered in the documents.",
        "I'm unable to answer questions about other companies.",
    })
    void englishOutOfScopeAnswersAreFound(String answer) {
        assertThat(defaults.classifyText(answer).outOfScope()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Weitere Informationen zum Ablauf finden Sie in den Dokumenten, Abschnitt 3: Das Interview dauert "
            + "etwa 45 Minuten und wird aufgezeichnet.",
        "Laut den Unterlagen erhalten Sie alle Informationen zur Einwilligung vor Beginn des Gesprächs. "
            + "Sie können die Teilnahme jederzeit beenden.",
        "Die Dokumente enthalten genaue Informationen darüber, wie Ihre Daten gespeichert werden: "
            + "pseudonymisiert und höchstens zwei Jahre.",
        "Keine Sorge: Fragen zu Ihrem Hintergrund können Sie im Interview offen beantworten.",
    })
    void germanInScopeAnswersThatMentionInformationStayInScope(String answer) {
        assertThat(defaults.classifyText(answer)).isEqualTo(ScopeDecision.none());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "The documents describe the interview in detail: it takes about 45 minutes, and you will find more "
            + "information about consent in section 2.",
        "Yes. According to the provided documents, you can withdraw at any time; the scope of the study is "
            + "limited to remote work habits.",
        "You can answer that question in your own words; there is no right or wrong answer.",
    })
    void englishInScopeAnswersStayInScope(String answer) {
        assertThat(defaults.classifyText(answer)).isEqualTo(ScopeDecision.none());
    }

    @Test
    void reportsTheConfiguredPhraseAsMarker() {
        ScopeDecision decision = defaults.classifyText("THAT IS OUTSIDE MY SCOPE!");

        assertThat(decision).isEqualTo(new ScopeDecision(true, ScopeDecision.Source.MARKER, "outside my scope"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Das liegt außerhalb meiner Zuständigkeit.",
        "Das liegt ausserhalb meiner Zustaendigkeit.",
        "Das liegt AUSSERHALB MEINER ZUSTÄNDIGKEIT.",
        "Das liegt ausserhalb meiner Zustandigkeit.",
    })
    void umlautAndSharpSVariantsMatchAlike(String answer) {
        assertThat(defaults.find(answer)).contains("außerhalb meiner Zuständigkeit");
    }

    @Test
    void matchesAcrossLineBreaksAndPunctuationInsideAPhrase() {
        MarkerClassifier classifier = MarkerClassifier.of(List.of("liegen mir keine Informationen",
                "I don't have information about"));
        String answer = "Tut mir leid, dazu liegen mir\nkeine\r\n  Informationen vor.";

        assertThat(classifier.find(answer)).contains("liegen mir keine Informationen");
        assertThat(classifier.find("I don't have\n\ninformation -- about that")).contains("I don't have information about");
        assertThat(defaults.find(answer)).isPresent();
    }

    @Test
    void accentInsensitiveOnBothSides() {
        MarkerClassifier classifier = MarkerClassifier.of(List.of("hors de mon domaine de compétence"));

        assertThat(classifier.find("C'est HORS DE MON DOMAINE DE COMPETENCE.")).isPresent();
        assertThat(classifier.find("c'est hors de mon domaine de compe\u0301tence")).isPresent();
    }

    @Test
    void customPhrasesFromCodeReplaceTheDefaults() {
        MarkerClassifier classifier = MarkerClassifier.of(List.of("nur zum Thema Umzug"));

        assertThat(classifier.find("Ich helfe nur zum Thema Umzug.")).contains("nur zum Thema Umzug");
        assertThat(classifier.find("That is outside my scope.")).isEmpty();
        assertThat(classifier.phrases()).containsExactly("nur zum Thema Umzug");
    }

    @Test
    void builderAddsCustomPhrasesToTheDefaults() {
        MarkerClassifier classifier = MarkerClassifier.builder().addDefaults().addPhrase("frag lieber HR").build();

        assertThat(classifier.find("Das frag lieber HR.")).contains("frag lieber HR");
        assertThat(classifier.find("That is outside my scope.")).contains("outside my scope");
    }

    @Test
    void wholeWordsInAnyInflection() {
        MarkerClassifier classifier = MarkerClassifier.of(List.of("keine Information", "formation"));

        assertThat(classifier.find("Es gibt keine Informationen.")).contains("keine Information");
        assertThat(classifier.find("Es liegen keiner Information vor.")).contains("keine Information");
        assertThat(classifier.find("Weitere Informationen im Anhang; misinformation")).isEmpty();
    }

    @Test
    void gapsAllowThatManyWordsInBetween() {
        MarkerClassifier classifier = MarkerClassifier.of(List.of("habe ich ... keine Informationen", "kann ...1 nicht"));

        assertThat(classifier.find("Leider habe ich dazu keine Informationen gefunden.")).isPresent();
        assertThat(classifier.find("Habe ich zu dieser Frage keine Information?")).isPresent();
        assertThat(classifier.find("habe ich keine Informationen")).isPresent();
        assertThat(classifier.find("Habe ich zu dieser einen Frage keine Informationen?")).isEmpty();
        assertThat(classifier.find("Keine Informationen habe ich")).isEmpty();
        assertThat(classifier.find("Das kann leider nicht sein.")).contains("kann ...1 nicht");
        assertThat(classifier.find("Das kann ich Ihnen nicht sagen.")).isEmpty();
    }

    @Test
    void alternativesExpandToOnePatternEach() {
        MarkerClassifier classifier = MarkerClassifier.of(List.of("(ich habe|mir liegen) ... (keine|keinerlei) (Angaben|Infos)"));

        assertThat(classifier.find("Mir liegen dazu keinerlei Angaben vor.")).contains(classifier.phrases().get(0));
        assertThat(classifier.find("Dazu habe ich keine Infos.")).isEmpty();
        assertThat(classifier.find("Ich habe hierzu leider keine Infos.")).isPresent();
        assertThat(classifier.phrases()).hasSize(1);
    }

    @Test
    void rejectsBrokenPhraseSyntaxByName() {
        for (String phrase : List.of("... keine Angaben", "keine Angaben ...", "a ... ... b", "(keine|", "a | b",
                "(a||b)", "a ...12 b", "(a ... b)")) {
            assertThatThrownBy(() -> MarkerClassifier.of(List.of(phrase)))
                    .as(phrase).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + phrase + "'");
        }
    }

    @Test
    void customPhrasesFromFileWithCommentsAndDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("markers.txt");
        Files.writeString(file, "# our list\n\n  Dafür ist die Personalabteilung zuständig  \n@defaults\n",
                StandardCharsets.UTF_8);

        MarkerClassifier classifier = MarkerClassifier.builder().addPhrasesFrom(file).build();

        assertThat(classifier.find("Dafuer ist die Personalabteilung zustaendig."))
                .contains("Dafür ist die Personalabteilung zuständig");
        assertThat(classifier.find("outside my scope")).contains("outside my scope");
        assertThat(classifier.phrases()).doesNotContain("# our list").contains("outside my scope");
    }

    @Test
    void fileFromEnvironmentReplacesTheDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("markers.txt");
        Files.writeString(file, "not our department\n", StandardCharsets.UTF_8);

        MarkerClassifier classifier = MarkerClassifier.from(ConfigSource.of(Map.of("OUT_OF_SCOPE_MARKERS_FILE", file.toString())));

        assertThat(classifier.find("Sorry, not our department.")).contains("not our department");
        assertThat(classifier.find("That is outside my scope.")).isEmpty();
    }

    @Test
    void unsetOrBlankEnvironmentGivesTheDefaults() {
        assertThat(MarkerClassifier.from(ConfigSource.of(Map.of()))).isSameAs(MarkerClassifier.ofDefaults());
        assertThat(MarkerClassifier.from(ConfigSource.of(Map.of("OUT_OF_SCOPE_MARKERS_FILE", " "))))
                .isSameAs(MarkerClassifier.ofDefaults());
    }

    @Test
    void missingFileIsReportedWithItsPath(@TempDir Path dir) {
        Path missing = dir.resolve("nope.txt");

        assertThatThrownBy(() -> MarkerClassifier.from(ConfigSource.of(Map.of("OUT_OF_SCOPE_MARKERS_FILE", missing.toString()))))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(missing.toAbsolutePath().toString());
    }

    @Test
    void fileWithoutPhrasesIsRejectedWithItsPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("empty.txt");
        Files.writeString(file, "# nothing yet\n\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> MarkerClassifier.builder().addPhrasesFrom(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("no phrase");
    }

    @Test
    void defaultListsHaveAtLeast25PhrasesEach() throws Exception {
        for (String resource : List.of(MarkerClassifier.DEFAULT_GERMAN_RESOURCE, MarkerClassifier.DEFAULT_ENGLISH_RESOURCE)) {
            try (var in = MarkerClassifier.class.getResourceAsStream(resource)) {
                assertThat(in).as(resource).isNotNull();
                long phrases = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).count();
                assertThat(phrases).as(resource).isGreaterThanOrEqualTo(25);
            }
        }
    }

    @Test
    void rejectsEmptyListsAndPhrasesWithoutLetters() {
        assertThatThrownBy(() -> MarkerClassifier.of(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one phrase");
        assertThatThrownBy(() -> MarkerClassifier.of(List.of("?!")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'?!'");
        assertThatThrownBy(() -> MarkerClassifier.builder().addPhrase("  "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
    }

    @Test
    void duplicatesAfterFoldingAreKeptOnce() {
        MarkerClassifier classifier = MarkerClassifier.of(List.of("Zuständig", "zustaendig", "ZUSTÄNDIG!"));

        assertThat(classifier.phrases()).containsExactly("Zuständig");
    }

    @Test
    void nullOrEmptyAnswerIsInScope() {
        assertThat(defaults.classifyText(null)).isEqualTo(ScopeDecision.none());
        assertThat(defaults.classifyText("")).isEqualTo(ScopeDecision.none());
        assertThat(defaults.classify(Turn.of("Frage?", null))).isEqualTo(ScopeDecision.none());
    }

    @Test
    void manyPhrasesStillFindTheRightOne() {
        var phrases = new java.util.ArrayList<String>();
        for (int i = 0; i < 5000; i++) {
            phrases.add("marker number " + Integer.toString(i, 36) + " ende");
        }
        MarkerClassifier classifier = MarkerClassifier.of(phrases);

        assertThat(classifier.find("text before MARKER NUMBER 3jk ende and after")).contains("marker number 3jk ende");
        assertThat(classifier.find("marker number 3jk endet")).isEmpty();
    }
}

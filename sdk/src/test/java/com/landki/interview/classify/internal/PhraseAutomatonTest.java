package com.landki.interview.classify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PhraseAutomatonTest {

    @Test
    void findsPhraseOnlyOnWordBoundaries() {
        PhraseAutomaton automaton = PhraseAutomaton.build(List.of("information"), List.of());

        assertThat(automaton.find("No information.")).isZero();
        assertThat(automaton.find("information")).isZero();
        assertThat(automaton.find("Weitere Informationen im Anhang")).isEqualTo(-1);
        assertThat(automaton.find("misinformation")).isEqualTo(-1);
    }

    @Test
    void prefixPhraseLetsLastWordContinue() {
        PhraseAutomaton automaton = PhraseAutomaton.build(List.of(), List.of("ausserhalb meines fachgebiet"));

        assertThat(automaton.find("Das liegt außerhalb meines Fachgebietes.")).isZero();
        assertThat(automaton.find("Das liegt ausserhalb meines Fachgebiets")).isZero();
        assertThat(automaton.find("innerhalb meines Fachgebietes")).isEqualTo(-1);
    }

    @Test
    void reportsThePhraseWhoseMatchEndsFirst() {
        PhraseAutomaton automaton = PhraseAutomaton.build(List.of("zwei drei", "eins zwei", "eins"), List.of());

        assertThat(automaton.find("null eins zwei drei")).isEqualTo(2);
        assertThat(automaton.find("null zwei drei")).isZero();
    }

    @Test
    void phraseInsideLongerPhraseIsFoundThroughFailureLinks() {
        PhraseAutomaton automaton = PhraseAutomaton.build(List.of("ab cd ef", "cd"), List.of());

        // " cd " ends inside the path of the first phrase: found through the failure link of " ab cd "
        assertThat(automaton.find("ab cd x")).isEqualTo(1);
        assertThat(automaton.find("ab cd ef")).isEqualTo(1);
    }

    @Test
    void rejectsPhrasesThatAreNotNormalized() {
        assertThatThrownBy(() -> PhraseAutomaton.build(List.of(""), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not empty");
        assertThatThrownBy(() -> PhraseAutomaton.build(List.of(" padded "), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The inline folding of the scan must agree with {@link Folding#normalize} on any text. */
    @Test
    void agreesWithNormalizedSubstringSearchOnRandomText() {
        Random random = new Random(42);
        String alphabet = "aeousßäöüAEOUSÄÖÜéèxyz .,;\n\t'’-\u0301\u00AD";
        for (int round = 0; round < 300; round++) {
            List<String> whole = new ArrayList<>();
            List<String> prefixes = new ArrayList<>();
            for (int p = 0; p < 1 + random.nextInt(8); p++) {
                String phrase = Folding.normalize(randomText(random, alphabet, 1 + random.nextInt(6)));
                if (!phrase.isEmpty()) {
                    (random.nextBoolean() ? whole : prefixes).add(phrase);
                }
            }
            if (whole.isEmpty() && prefixes.isEmpty()) {
                continue;
            }
            PhraseAutomaton automaton = PhraseAutomaton.build(whole, prefixes);
            for (int t = 0; t < 50; t++) {
                String text = randomText(random, alphabet, random.nextInt(40));
                String folded = " " + Folding.normalize(text) + " ";
                boolean expected = whole.stream().anyMatch(p -> folded.contains(" " + p + " "))
                        || prefixes.stream().anyMatch(p -> folded.contains(" " + p));
                assertThat(automaton.find(text) >= 0)
                        .as("phrases %s / %s in '%s' (folded '%s')", whole, prefixes, text, folded)
                        .isEqualTo(expected);
            }
        }
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}

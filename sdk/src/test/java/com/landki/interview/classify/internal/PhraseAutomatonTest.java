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
        PhraseAutomaton automaton = PhraseAutomaton.build(List.of("information"));

        assertThat(automaton.find("No information.")).isZero();
        assertThat(automaton.find("information")).isZero();
        assertThat(automaton.find("Weitere Informationen im Anhang")).isEqualTo(-1);
        assertThat(automaton.find("misinformation")).isEqualTo(-1);
    }

    @Test
    void reportsThePhraseWhoseMatchEndsFirst() {
        PhraseAutomaton automaton = PhraseAutomaton.build(List.of("zwei drei", "eins zwei", "eins"));

        assertThat(automaton.find("null eins zwei drei")).isEqualTo(2);
        assertThat(automaton.find("null zwei drei")).isZero();
    }

    @Test
    void phraseInsideLongerPhraseIsFoundThroughFailureLinks() {
        PhraseAutomaton automaton = PhraseAutomaton.build(List.of("ab cd ef", "cd"));

        // " cd " ends inside the path of the first phrase: found through the failure link of " ab cd "
        assertThat(automaton.find("ab cd x")).isEqualTo(1);
        assertThat(automaton.find("ab cd ef")).isEqualTo(1);
    }

    @Test
    void rejectsPhrasesThatAreNotNormalized() {
        assertThatThrownBy(() -> PhraseAutomaton.build(List.of("")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not empty");
        assertThatThrownBy(() -> PhraseAutomaton.build(List.of(" padded ")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wordsNoPhraseUsesResetTheMatch() {
        PhraseAutomaton automaton = PhraseAutomaton.build(List.of("keine informationen dazu"));

        assertThat(automaton.find("keine Informationen – dazu")).isZero();
        assertThat(automaton.find("keine weiteren Informationen dazu")).isEqualTo(-1);
        assertThat(automaton.find("keine keine Informationen dazu!")).isZero();
        assertThat(automaton.states()).isEqualTo(4);
        assertThat(automaton.vocabularySize()).isEqualTo(3);
    }

    /** The inline folding of the scan must agree with {@link Folding#normalize} on any text. */
    @Test
    void agreesWithNormalizedSubstringSearchOnRandomText() {
        Random random = new Random(42);
        String alphabet = "aeousßäöüAEOUSÄÖÜéèxyz .,;\n\t'’-\u0301\u00AD";
        for (int round = 0; round < 300; round++) {
            List<String> whole = new ArrayList<>();
            for (int p = 0; p < 1 + random.nextInt(8); p++) {
                String phrase = Folding.normalize(randomText(random, alphabet, 1 + random.nextInt(8)));
                if (!phrase.isEmpty()) {
                    whole.add(phrase);
                }
            }
            if (whole.isEmpty()) {
                continue;
            }
            PhraseAutomaton automaton = PhraseAutomaton.build(whole);
            for (int t = 0; t < 50; t++) {
                String text = randomText(random, alphabet, random.nextInt(40));
                String folded = " " + Folding.normalize(text) + " ";
                boolean expected = whole.stream().anyMatch(p -> folded.contains(" " + p + " "));
                assertThat(automaton.find(text) >= 0)
                        .as("phrases %s in '%s' (folded '%s')", whole, text, folded)
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

package com.landki.interview.classify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PhraseAutomatonTest {

    @Test
    void findsPhraseOnlyOnWordBoundariesButInAnyInflection() {
        PhraseAutomaton automaton = PhraseAutomaton.build(List.of(Folding.normalizeWords("information")));

        assertThat(automaton.find("No information.")).isZero();
        assertThat(automaton.find("information")).isZero();
        assertThat(automaton.find("Weitere Informationen im Anhang")).isZero();
        assertThat(automaton.find("misinformation")).isEqualTo(-1);
        assertThat(automaton.find("Informationsblatt")).isEqualTo(-1);
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
        PhraseAutomaton automaton = PhraseAutomaton.build(List.of(Folding.normalizeWords("keine Informationen dazu")));

        assertThat(automaton.find("keine Informationen – dazu")).isZero();
        assertThat(automaton.find("keine weiteren Informationen dazu")).isEqualTo(-1);
        assertThat(automaton.find("keine keine Informationen dazu!")).isZero();
        assertThat(automaton.states()).isEqualTo(4);
        assertThat(automaton.vocabularySize()).isEqualTo(3);
    }

    /** The inline folding and stemming of the scan must agree with {@link Folding#normalizeWords} on any text. */
    @Test
    void agreesWithNormalizedSubstringSearchOnRandomText() {
        Random random = new Random(42);
        String alphabet = "aeousßäöüAEOUSÄÖÜéèxyznrm .,;\n\t'’-\u0301\u00AD";
        for (int round = 0; round < 300; round++) {
            List<String> whole = new ArrayList<>();
            for (int p = 0; p < 1 + random.nextInt(8); p++) {
                String phrase = Folding.normalizeWords(randomText(random, alphabet, 1 + random.nextInt(8)));
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
                String folded = " " + Folding.normalizeWords(text) + " ";
                boolean expected = whole.stream().anyMatch(p -> folded.contains(" " + p + " "));
                assertThat(automaton.find(text) >= 0)
                        .as("phrases %s in '%s' (folded '%s')", whole, text, folded)
                        .isEqualTo(expected);
            }
        }
    }

    /** Gapped patterns: the scan agrees with the plain reference {@link PhrasePattern#occursIn} on any text. */
    @Test
    void gappedPatternsAgreeWithTheReferenceOnRandomText() {
        Random random = new Random(7);
        String[] vocabulary = {"ich", "kann", "nicht", "keine", "informationen", "dazu", "leider", "x"};
        for (int round = 0; round < 300; round++) {
            List<PhrasePattern> patterns = new ArrayList<>();
            for (int p = 0; p < 1 + random.nextInt(6); p++) {
                StringBuilder phrase = new StringBuilder(vocabulary[random.nextInt(vocabulary.length)]);
                for (int w = 0; w < random.nextInt(4); w++) {
                    phrase.append(random.nextBoolean() ? " ..." + random.nextInt(3) + " " : " ");
                    String word = vocabulary[random.nextInt(vocabulary.length)];
                    phrase.append(random.nextBoolean() ? word
                            : "(" + word + "|" + vocabulary[random.nextInt(vocabulary.length)] + " x)");
                }
                patterns.add(PhrasePattern.parse(phrase.toString()));
            }
            PhraseAutomaton automaton = PhraseAutomaton.compile(patterns);
            for (int t = 0; t < 50; t++) {
                StringBuilder text = new StringBuilder();
                for (int w = 0; w < random.nextInt(12); w++) {
                    text.append(vocabulary[random.nextInt(vocabulary.length)]).append(random.nextBoolean() ? " " : ", ");
                }
                String[] words = Folding.normalizeWords(text).isEmpty() ? new String[0]
                        : Folding.normalizeWords(text).split(" ");
                boolean expected = patterns.stream().anyMatch(p -> p.occursIn(words));
                int found = automaton.find(text);
                assertThat(found >= 0).as("patterns %s in '%s'", patterns, text).isEqualTo(expected);
                if (found >= 0) {
                    assertThat(patterns.get(found).occursIn(words)).isTrue();
                }
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

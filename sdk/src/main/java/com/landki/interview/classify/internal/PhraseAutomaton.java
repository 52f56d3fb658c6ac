package com.landki.interview.classify.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aho–Corasick automaton over folded text: finds whether any of many phrases occurs, in one pass, with one
 * table lookup per character whatever the number of phrases.
 *
 * <p>Phrases are given already normalized ({@link Folding#normalize}); each becomes the pattern
 * {@code " phrase "} so it only matches whole words (a phrase given as a prefix, see
 * {@link #build(List, List)}, has no trailing space). The text is folded on the fly, with a virtual space
 * before its first and after its last character, so nothing is allocated per call.
 *
 * <p>Layout, chosen for the scan loop: a raw character maps straight to a character class through one
 * 64K table ({@code classOf}); transitions are a dense {@code int[states * classes]} holding the target
 * row's offset, bit-inverted when the target state ends a phrase (so "match?" is a sign test).
 *
 * <p>Immutable after construction and thread-safe.
 */
public final class PhraseAutomaton {

    // fixed character classes; the phrases' other characters get classes from FIRST_FREE on
    private static final int C_IGNORE = 0;
    private static final int C_SHARP_S = 1;
    private static final int C_SPACE = 2;
    private static final int C_OTHER = 3;
    private static final int C_A = 4;
    private static final int C_O = 5;
    private static final int C_U = 6;
    private static final int C_E = 7;
    private static final int C_S = 8;
    private static final int FIRST_FREE = 9;

    /** Upper bound of transition table entries (1 GiB of ints would be unreasonable for a marker list). */
    private static final long MAX_TABLE = 1L << 27;

    private final char[] classOf;
    private final int[] delta;
    private final int width;
    private final int start;
    private final int[] phraseOfState;
    private final int states;

    private PhraseAutomaton(char[] classOf, int[] delta, int width, int start, int[] phraseOfState) {
        this.classOf = classOf;
        this.delta = delta;
        this.width = width;
        this.start = start;
        this.phraseOfState = phraseOfState;
        this.states = phraseOfState.length;
    }

    /**
     * Builds the automaton.
     *
     * @param wholeWords normalized phrases that must match whole words
     * @param prefixes   normalized phrases whose last word may continue ({@code "fachgebiet"} matches
     *                   {@code "Fachgebietes"})
     * @return the automaton; {@link #find} reports indexes into {@code wholeWords} followed by
     *         {@code prefixes}
     * @throws IllegalArgumentException when a phrase is empty or the table would be unreasonably large
     */
    public static PhraseAutomaton build(List<String> wholeWords, List<String> prefixes) {
        List<String> patterns = new ArrayList<>(wholeWords.size() + prefixes.size());
        for (String phrase : wholeWords) {
            patterns.add(' ' + requireNonEmpty(phrase) + ' ');
        }
        for (String phrase : prefixes) {
            patterns.add(' ' + requireNonEmpty(phrase));
        }

        Map<Character, Integer> alphabet = new HashMap<>();
        alphabet.put(' ', C_SPACE);
        alphabet.put('a', C_A);
        alphabet.put('o', C_O);
        alphabet.put('u', C_U);
        alphabet.put('e', C_E);
        alphabet.put('s', C_S);
        int nodes = 1;
        for (String pattern : patterns) {
            for (int i = 0; i < pattern.length(); i++) {
                alphabet.putIfAbsent(pattern.charAt(i), FIRST_FREE + alphabet.size() - 6);
            }
            nodes += pattern.length();
        }
        int width = FIRST_FREE + alphabet.size() - 6;
        if ((long) nodes * width > MAX_TABLE) {
            throw new IllegalArgumentException("phrases: " + patterns.size() + " phrases over " + width
                    + " distinct characters need more than " + MAX_TABLE + " transitions; shorten the list");
        }

        // trie: goTo[state * width + class], 0 = no child (the root is never a child)
        int[] goTo = new int[nodes * width];
        int[] phraseOf = new int[nodes];
        Arrays.fill(phraseOf, -1);
        int used = 1;
        for (int p = 0; p < patterns.size(); p++) {
            String pattern = patterns.get(p);
            int state = 0;
            for (int i = 0; i < pattern.length(); i++) {
                int cell = state * width + alphabet.get(pattern.charAt(i));
                if (goTo[cell] == 0) {
                    goTo[cell] = used++;
                }
                state = goTo[cell];
            }
            if (phraseOf[state] < 0) {
                phraseOf[state] = p; // duplicates keep the first phrase
            }
        }

        // breadth-first: failure links turn the trie into a complete DFA in place
        int[] fail = new int[used];
        int[] queue = new int[used];
        int head = 0;
        int tail = 0;
        for (int k = 0; k < width; k++) {
            int child = goTo[k];
            if (child != 0) {
                fail[child] = 0;
                queue[tail++] = child;
            }
        }
        while (head < tail) {
            int state = queue[head++];
            if (phraseOf[state] < 0) {
                // a phrase ending inside this one (via the failure chain) is a match here too
                phraseOf[state] = phraseOf[fail[state]];
            }
            for (int k = 0; k < width; k++) {
                int cell = state * width + k;
                int child = goTo[cell];
                if (child != 0) {
                    fail[child] = goTo[fail[state] * width + k];
                    queue[tail++] = child;
                } else {
                    goTo[cell] = goTo[fail[state] * width + k];
                }
            }
        }

        int[] delta = Arrays.copyOf(goTo, used * width);
        for (int i = 0; i < delta.length; i++) {
            int target = delta[i];
            delta[i] = phraseOf[target] >= 0 ? ~(target * width) : target * width;
        }
        int[] phraseOfState = Arrays.copyOf(phraseOf, used);

        char[] classOf = new char[Character.MAX_VALUE + 1];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char f = Folding.fold((char) c);
            int k;
            if (f == Folding.IGNORE) {
                k = C_IGNORE;
            } else if (f == Folding.SHARP_S) {
                k = C_SHARP_S;
            } else {
                k = alphabet.getOrDefault(f, C_OTHER);
            }
            classOf[c] = (char) k;
        }
        int start = delta[C_SPACE]; // the virtual space before the text; never a match (no empty phrase)
        return new PhraseAutomaton(classOf, delta, width, start, phraseOfState);
    }

    private static String requireNonEmpty(String phrase) {
        if (phrase.isEmpty() || phrase.charAt(0) == ' ' || phrase.charAt(phrase.length() - 1) == ' ') {
            throw new IllegalArgumentException("phrase must be normalized and not empty: '" + phrase + "'");
        }
        return phrase;
    }

    /**
     * Scans the text once.
     *
     * @return the index of the phrase whose match ends first in the text, or -1 when none occurs
     */
    public int find(CharSequence text) {
        final char[] classOf = this.classOf;
        final int[] delta = this.delta;
        final int n = text.length();
        int s = start;
        int prev = C_SPACE;
        for (int i = 0; i < n; i++) {
            int k = classOf[text.charAt(i)];
            if (k > C_SPACE) { // a letter or digit
                if (k == C_E && prev >= C_A && prev <= C_U) {
                    prev = C_E; // ae, oe, ue -> a, o, u
                    continue;
                }
                prev = k;
                s = delta[s + k];
            } else if (k == C_SPACE) {
                if (prev == C_SPACE) {
                    continue;
                }
                prev = C_SPACE;
                s = delta[s + C_SPACE];
            } else if (k == C_SHARP_S) {
                prev = C_S;
                s = delta[s + C_S];
                if (s < 0) {
                    return phraseAt(s);
                }
                s = delta[s + C_S];
            } else {
                continue; // C_IGNORE
            }
            if (s < 0) {
                return phraseAt(s);
            }
        }
        if (prev != C_SPACE) {
            s = delta[s + C_SPACE];
            if (s < 0) {
                return phraseAt(s);
            }
        }
        return -1;
    }

    private int phraseAt(int invertedOffset) {
        return phraseOfState[~invertedOffset / width];
    }

    /** Number of automaton states (for sizing and tests). */
    public int states() {
        return states;
    }

    /** Number of character classes, i.e. the width of a transition row. */
    public int width() {
        return width;
    }
}

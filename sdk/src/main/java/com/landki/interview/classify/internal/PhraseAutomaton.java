package com.landki.interview.classify.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Aho–Corasick automaton over the <em>words</em> of folded, stemmed text: finds whether any of many
 * {@linkplain PhrasePattern patterns} occurs, in one pass, at a cost per character that does not depend on
 * the number of patterns. The keywords of the automaton are the patterns' segments (word sequences); a
 * pattern of one segment matches when its segment does, a pattern of several segments when each follows
 * the one before within its gap. For those, the scan keeps per pattern where each segment last ended (an
 * array allocated on the first segment occurrence of a call, at most one per call).
 *
 * <p>Why words and not characters: a character automaton makes one dependent table load per character,
 * and with thousands of phrases its table no longer fits the CPU's first-level cache, so each load waits
 * for the next cache level. Here the per-character work is arithmetic only (fold the character with a
 * static table, extend the word's 64-bit hash); the automaton is consulted once per word: the word's hash
 * is looked up in the phrase vocabulary (a word no phrase uses sends the automaton back to its root), then
 * one transition follows.
 *
 * <p>Exactness: the vocabulary is checked at build time to have no two words with one hash, and a match is
 * confirmed against the normalized text before it is reported, so a text word that merely collides with a
 * vocabulary word cannot produce a false match. Confirming allocates; it happens only on a match.
 *
 * <p>The text is folded and stemmed on the fly with the rules of {@link Folding#normalizeWords}: the last
 * {@link Folding#MAX_STRIPPED} letters of a word are held back from its hash until the word ends and its
 * ending is known. The two must stay in step (a test compares them on random text). Immutable after
 * construction and thread-safe.
 */
public final class PhraseAutomaton {

    private static final long HASH_SEED = 0x2545F4914F6CDD1DL;
    private static final long HASH_MULTIPLIER = 0x100000001B3L;
    static final int ROOT = 0;
    static final int NONE = -1;
    // per state, packed so one visit touches one cache line: the only child's word (or NO_CHILD / MANY),
    // the only child (or, for MANY, the offset of the state's child table), the failure link, the segment
    // occurrences ending here (own or through the failure chain): an offset into outputs, or NONE
    static final int STRIDE = 4;
    static final int ONLY_WORD = 0;
    static final int ONLY_TARGET = 1;
    static final int FAIL = 2;
    static final int OUT = 3;
    // per output entry: the pattern, the progress slot of the segment before (or NONE), the slot of this
    // segment (NONE for the last), the segment's length in words, the gap allowed before it
    static final int ENTRY = 5;
    static final int NO_CHILD = -1;
    static final int MANY = -2;

    private final PhrasePattern[] patterns;
    private final int progressSlots;
    // per state with outputs: [count, entries × count], entries of later segments first
    private final int[] outputs;
    private final int vocabularySize;
    // vocabulary: open addressing over word hashes; a word's id is its slot
    private final long[] vocabularyKeys;
    private final int vocabularyMask;
    // trie transitions of the root, by word id: the child, or the root when there is none
    private final int[] rootNext;
    // children of states with several: per state a small open-addressing table, contiguous so one lookup
    // stays within a cache line or two: [mask, (word id + 1, child) × (mask + 1)]; word id + 1 = 0 is free
    private final int[] childTables;
    private final int[] nodes;

    PhraseAutomaton(PhrasePattern[] patterns, int progressSlots, int vocabularySize, long[] vocabularyKeys,
                    int[] rootNext, int[] childTables, int[] nodes, int[] outputs) {
        this.patterns = patterns;
        this.outputs = outputs;
        this.progressSlots = progressSlots;
        this.vocabularySize = vocabularySize;
        this.vocabularyKeys = vocabularyKeys;
        this.vocabularyMask = vocabularyKeys.length - 1;
        this.rootNext = rootNext;
        this.childTables = childTables;
        this.nodes = nodes;
    }

    /**
     * Builds an automaton of plain phrases.
     *
     * @param normalizedPhrases phrases as {@link Folding#normalizeWords} returns them: words separated by
     *                          single spaces, not empty
     * @return the automaton; {@link #find} reports indexes into {@code normalizedPhrases}
     * @throws IllegalArgumentException when a phrase is empty or not normalized
     */
    public static PhraseAutomaton build(List<String> normalizedPhrases) {
        List<PhrasePattern> patterns = new ArrayList<>(normalizedPhrases.size());
        for (String phrase : normalizedPhrases) {
            if (phrase.isEmpty() || phrase.startsWith(" ") || phrase.endsWith(" ") || phrase.contains("  ")) {
                throw new IllegalArgumentException("phrase must be normalized and not empty: '" + phrase + "'");
            }
            patterns.add(PhrasePattern.exact(phrase));
        }
        return compile(patterns);
    }

    /**
     * Builds the automaton of the patterns.
     *
     * @return the automaton; {@link #find} reports indexes into {@code patterns}
     * @throws IllegalArgumentException when two words of the patterns share a 64-bit hash
     */
    public static PhraseAutomaton compile(List<PhrasePattern> patterns) {
        return PhraseAutomatonBuilder.compile(patterns);
    }

    /** The hash of a folded word, as {@link #find} computes it character by character. */
    static long hashOf(String word) {
        long h = HASH_SEED;
        for (int i = 0; i < word.length(); i++) {
            h = (h + word.charAt(i)) * HASH_MULTIPLIER;
        }
        return finish(h);
    }

    /** Spreads the bits of a word hash; never 0, which marks a free vocabulary slot. */
    private static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    /** The word id of a word hash, or {@link #NONE} when no phrase uses the word. */
    private int wordId(long key) {
        int slot = (int) key & vocabularyMask;
        long found;
        while ((found = vocabularyKeys[slot]) != 0) {
            if (found == key) {
                return slot;
            }
            slot = (slot + 1) & vocabularyMask;
        }
        return NONE;
    }

    /** The Aho–Corasick transition: the trie child, else the failure chain's. */
    int next(int state, int wordId) {
        final int[] nodes = this.nodes;
        while (state != ROOT) {
            int base = state * STRIDE;
            int only = nodes[base + ONLY_WORD];
            if (only == wordId) {
                return nodes[base + ONLY_TARGET];
            }
            if (only == MANY) {
                // word ids are vocabulary slots, i.e. already hash-spread: their low bits pick the slot
                int table = nodes[base + ONLY_TARGET];
                int mask = childTables[table];
                int slot = wordId & mask;
                int found;
                while ((found = childTables[table + 1 + 2 * slot]) != 0) {
                    if (found == wordId + 1) {
                        return childTables[table + 2 + 2 * slot];
                    }
                    slot = (slot + 1) & mask;
                }
            }
            state = nodes[base + FAIL];
        }
        return rootNext[wordId];
    }

    /**
     * Scans the text once.
     *
     * @return the index of the pattern whose match ends first in the text (the lowest of those ending at
     *         the same word), or -1 when none occurs
     */
    public int find(CharSequence text) {
        final int n = text.length();
        int state = ROOT;
        long h = HASH_SEED;
        int length = 0; // letters of the current word so far
        // the word's last three letters, held back from the hash until its ending is known (c3 newest)
        char c1 = 0;
        char c2 = 0;
        char c3 = 0;
        char prev = Folding.SEPARATOR;
        int word = 0;
        int[] reached = null;
        for (int i = 0; i <= n; i++) {
            char f = i < n ? Folding.fold(text.charAt(i)) : Folding.SEPARATOR; // the end of the text ends a word
            if (f > Folding.SEPARATOR) { // a letter or digit
                if (f == 'e' && Folding.contractsFollowingE(prev)) {
                    prev = 'e'; // ae, oe, ue -> a, o, u
                    continue;
                }
                if (length >= 3) {
                    h = (h + c1) * HASH_MULTIPLIER;
                }
                c1 = c2;
                c2 = c3;
                c3 = f;
                length++;
                prev = f;
            } else if (f == Folding.SEPARATOR) {
                prev = Folding.SEPARATOR;
                if (length > 0) {
                    state = step(state, finishWord(h, length, c1, c2, c3));
                    int out = nodes[state * STRIDE + OUT];
                    if (out != NONE) {
                        if (reached == null) {
                            reached = new int[progressSlots];
                        }
                        int pattern = advance(out, word, reached);
                        if (pattern != NONE && confirmed(text, pattern)) {
                            return pattern;
                        }
                    }
                    word++;
                    h = HASH_SEED;
                    length = 0;
                }
            } else if (f == Folding.SHARP_S) { // two letters s
                if (length >= 3) {
                    h = (h + c1) * HASH_MULTIPLIER;
                }
                if (length >= 2) {
                    h = (h + c2) * HASH_MULTIPLIER;
                }
                c1 = c3;
                c2 = 's';
                c3 = 's';
                length += 2;
                prev = 's';
            }
            // else: Folding.IGNORE
        }
        return NONE;
    }

    /** The hash of a word from the hash of all but its last three letters: the stem's letters only. */
    private static long finishWord(long h, int length, char c1, char c2, char c3) {
        int cut = 0;
        if (length > Folding.MIN_STEM && Folding.isEnding(c3)) {
            cut = 1;
            if (length > Folding.MIN_STEM + 1 && Folding.isEnding(c2)) {
                cut = 2;
                if (length > Folding.MIN_STEM + 2 && Folding.isEnding(c1)) {
                    cut = 3;
                }
            }
        }
        int held = Math.min(length, 3);
        int keep = held - cut;
        if (held == 3 && keep > 0) {
            h = (h + c1) * HASH_MULTIPLIER;
        }
        if (held >= 2 && keep > held - 2) {
            h = (h + c2) * HASH_MULTIPLIER;
        }
        if (keep == held) {
            h = (h + c3) * HASH_MULTIPLIER;
        }
        return h;
    }

    /**
     * Records the segments ending at word {@code word} (the output list at {@code out}).
     *
     * @return the lowest pattern completed by them, or {@link #NONE}
     */
    private int advance(int out, int word, int[] reached) {
        final int[] outputs = this.outputs;
        int completed = NONE;
        int end = out + 1 + outputs[out] * ENTRY;
        for (int e = out + 1; e < end; e += ENTRY) {
            int previous = outputs[e + 1];
            if (previous != NONE
                    && !PhrasePattern.follows(reached[previous], word, outputs[e + 3], outputs[e + 4])) {
                continue;
            }
            int self = outputs[e + 2];
            if (self != NONE) {
                reached[self] = word + 1;
            } else if (completed == NONE || outputs[e] < completed) {
                completed = outputs[e];
            }
        }
        return completed;
    }

    /** The state after a word with hash {@code h}; a word no phrase uses leads back to the root. */
    private int step(int state, long h) {
        int id = wordId(finish(h));
        return id == NONE ? ROOT : next(state, id);
    }

    /** Rules out a text word that only shares its hash with a phrase word. Runs on a match only. */
    private boolean confirmed(CharSequence text, int pattern) {
        String words = Folding.normalizeWords(text);
        return patterns[pattern].occursIn(words.isEmpty() ? new String[0] : words.split(" "));
    }

    /** Number of automaton states (for sizing and tests). */
    public int states() {
        return nodes.length / STRIDE;
    }

    /** Number of distinct words over all phrases. */
    public int vocabularySize() {
        return vocabularySize;
    }
}

package com.landki.interview.classify.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aho–Corasick automaton over the <em>words</em> of folded text: finds whether any of many phrases occurs
 * as a sequence of whole words, in one pass, at a cost per character that does not depend on the number
 * of phrases.
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
 * <p>The text is folded on the fly with the rules of {@link Folding#normalize}; the two must stay in step
 * (a test compares them on random text). Immutable after construction and thread-safe.
 */
public final class PhraseAutomaton {

    private static final long HASH_SEED = 0x2545F4914F6CDD1DL;
    private static final long HASH_MULTIPLIER = 0x100000001B3L;
    private static final int ROOT = 0;
    private static final int NONE = -1;
    // per state, packed so one visit touches one cache line: the only child's word (or NO_CHILD / MANY),
    // the only child (or, for MANY, the offset of the state's child table), the failure link, the phrase
    // ending here (own or through the failure chain)
    private static final int STRIDE = 4;
    private static final int ONLY_WORD = 0;
    private static final int ONLY_TARGET = 1;
    private static final int FAIL = 2;
    private static final int PHRASE = 3;
    private static final int NO_CHILD = -1;
    private static final int MANY = -2;

    private final String[] phrases;
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

    private PhraseAutomaton(String[] phrases, int vocabularySize, long[] vocabularyKeys, int[] rootNext,
                            int[] childTables, int[] nodes) {
        this.phrases = phrases;
        this.vocabularySize = vocabularySize;
        this.vocabularyKeys = vocabularyKeys;
        this.vocabularyMask = vocabularyKeys.length - 1;
        this.rootNext = rootNext;
        this.childTables = childTables;
        this.nodes = nodes;
    }

    /**
     * Builds the automaton.
     *
     * @param normalizedPhrases phrases as {@link Folding#normalize} returns them: words separated by single
     *                          spaces, not empty
     * @return the automaton; {@link #find} reports indexes into {@code normalizedPhrases}
     * @throws IllegalArgumentException when a phrase is empty or not normalized
     */
    public static PhraseAutomaton build(List<String> normalizedPhrases) {
        List<String[]> phraseWords = new ArrayList<>(normalizedPhrases.size());
        Map<String, Long> hashes = new HashMap<>();
        for (String phrase : normalizedPhrases) {
            if (phrase.isEmpty() || phrase.startsWith(" ") || phrase.endsWith(" ") || phrase.contains("  ")) {
                throw new IllegalArgumentException("phrase must be normalized and not empty: '" + phrase + "'");
            }
            String[] words = phrase.split(" ");
            for (String word : words) {
                hashes.computeIfAbsent(word, PhraseAutomaton::hashOf);
            }
            phraseWords.add(words);
        }

        long[] vocabularyKeys = new long[tableSize(hashes.size())];
        Map<String, Integer> wordIds = new HashMap<>();
        for (Map.Entry<String, Long> word : hashes.entrySet()) {
            long key = word.getValue();
            int slot = (int) key & (vocabularyKeys.length - 1);
            while (vocabularyKeys[slot] != 0) {
                if (vocabularyKeys[slot] == key) {
                    // two phrase words, one hash: practically impossible with 64 bits, but never silent
                    throw new IllegalArgumentException("phrases: words with the same 64-bit hash, rename one: '"
                            + word.getKey() + "'");
                }
                slot = (slot + 1) & (vocabularyKeys.length - 1);
            }
            vocabularyKeys[slot] = key;
            wordIds.put(word.getKey(), slot);
        }

        // trie over word ids; per state its children as {word id, child}
        List<List<int[]>> children = new ArrayList<>();
        List<Integer> phraseOf = new ArrayList<>();
        children.add(new ArrayList<>());
        phraseOf.add(NONE);
        Map<Long, Integer> edges = new HashMap<>();
        for (int p = 0; p < phraseWords.size(); p++) {
            int state = ROOT;
            for (String word : phraseWords.get(p)) {
                int id = wordIds.get(word);
                long edge = edgeKey(state, id);
                Integer next = edges.get(edge);
                if (next == null) {
                    next = children.size();
                    children.add(new ArrayList<>(1));
                    phraseOf.add(NONE);
                    edges.put(edge, next);
                    children.get(state).add(new int[] {id, next});
                }
                state = next;
            }
            if (phraseOf.get(state) == NONE) {
                phraseOf.set(state, p); // duplicates keep the first phrase
            }
        }
        int states = children.size();
        // number the states breadth-first: the shallow states, where a scan spends most of its steps, then
        // sit together at the front of the node table
        int[] newId = new int[states];
        int[] order = new int[states];
        int ordered = 1;
        for (int head = 0; head < ordered; head++) {
            for (int[] child : children.get(order[head])) {
                newId[child[1]] = ordered;
                order[ordered++] = child[1];
            }
        }
        List<List<int[]>> renumbered = new ArrayList<>(states);
        List<Integer> renumberedPhraseOf = new ArrayList<>(states);
        for (int s = 0; s < states; s++) {
            List<int[]> kids = new ArrayList<>(children.get(order[s]).size());
            for (int[] child : children.get(order[s])) {
                kids.add(new int[] {child[0], newId[child[1]]});
            }
            renumbered.add(kids);
            renumberedPhraseOf.add(phraseOf.get(order[s]));
        }
        children = renumbered;
        phraseOf = renumberedPhraseOf;

        int[] rootNext = new int[vocabularyKeys.length];
        for (int[] child : children.get(ROOT)) {
            rootNext[child[0]] = child[1];
        }
        int[] nodes = new int[states * STRIDE];
        int poolSize = 0;
        for (int s = 1; s < states; s++) {
            int kids = children.get(s).size();
            if (kids > 1) {
                poolSize += 1 + 2 * tableSize(kids);
            }
        }
        int[] childTables = new int[poolSize];
        int offset = 0;
        for (int s = 0; s < states; s++) {
            List<int[]> kids = children.get(s);
            nodes[s * STRIDE + PHRASE] = phraseOf.get(s);
            if (kids.isEmpty()) {
                nodes[s * STRIDE + ONLY_WORD] = NO_CHILD;
            } else if (kids.size() == 1) {
                nodes[s * STRIDE + ONLY_WORD] = kids.get(0)[0];
                nodes[s * STRIDE + ONLY_TARGET] = kids.get(0)[1];
            } else if (s != ROOT) { // the root's children are in rootNext
                int size = tableSize(kids.size());
                nodes[s * STRIDE + ONLY_WORD] = MANY;
                nodes[s * STRIDE + ONLY_TARGET] = offset;
                childTables[offset] = size - 1;
                for (int[] child : kids) {
                    int slot = child[0] & (size - 1);
                    while (childTables[offset + 1 + 2 * slot] != 0) {
                        slot = (slot + 1) & (size - 1);
                    }
                    childTables[offset + 1 + 2 * slot] = child[0] + 1;
                    childTables[offset + 2 + 2 * slot] = child[1];
                }
                offset += 1 + 2 * size;
            }
        }

        // failure links, breadth-first; a phrase ending at a state's failure target also ends at the state
        PhraseAutomaton automaton = new PhraseAutomaton(normalizedPhrases.toArray(new String[0]), hashes.size(),
                vocabularyKeys, rootNext, childTables, nodes);
        int[] queue = new int[states];
        int head = 0;
        int tail = 0;
        for (int[] child : children.get(ROOT)) {
            nodes[child[1] * STRIDE + FAIL] = ROOT;
            queue[tail++] = child[1];
        }
        while (head < tail) {
            int state = queue[head++];
            int failure = nodes[state * STRIDE + FAIL];
            if (nodes[state * STRIDE + PHRASE] == NONE) {
                nodes[state * STRIDE + PHRASE] = nodes[failure * STRIDE + PHRASE];
            }
            for (int[] child : children.get(state)) {
                nodes[child[1] * STRIDE + FAIL] = automaton.next(failure, child[0]);
                queue[tail++] = child[1];
            }
        }
        return automaton;
    }

    private static int tableSize(int entries) {
        return Math.max(4, Integer.highestOneBit(Math.max(1, entries) * 2 - 1) << 1);
    }

    private static long edgeKey(int state, int wordId) {
        return ((long) state << 32) | wordId;
    }

    /** The hash of a folded word, as {@link #find} computes it character by character. */
    private static long hashOf(String word) {
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
    private int next(int state, int wordId) {
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
     * @return the index of the phrase whose match ends first in the text, or -1 when none occurs
     */
    public int find(CharSequence text) {
        final int n = text.length();
        int state = ROOT;
        long h = HASH_SEED;
        boolean inWord = false;
        char prev = Folding.SEPARATOR;
        for (int i = 0; i < n; i++) {
            char f = Folding.fold(text.charAt(i));
            if (f > Folding.SEPARATOR) { // a letter or digit
                if (f == 'e' && Folding.contractsFollowingE(prev)) {
                    prev = 'e'; // ae, oe, ue -> a, o, u
                    continue;
                }
                h = (h + f) * HASH_MULTIPLIER;
                prev = f;
                inWord = true;
            } else if (f == Folding.SEPARATOR) {
                prev = Folding.SEPARATOR;
                if (inWord) {
                    state = step(state, h);
                    int phrase = nodes[state * STRIDE + PHRASE];
                    if (phrase != NONE && confirmed(text, phrase)) {
                        return phrase;
                    }
                    h = HASH_SEED;
                    inWord = false;
                }
            } else if (f == Folding.SHARP_S) {
                h = (h + 's') * HASH_MULTIPLIER;
                h = (h + 's') * HASH_MULTIPLIER;
                prev = 's';
                inWord = true;
            }
            // else: Folding.IGNORE
        }
        if (inWord) { // the end of the text ends the last word
            state = step(state, h);
            int phrase = nodes[state * STRIDE + PHRASE];
            if (phrase != NONE && confirmed(text, phrase)) {
                return phrase;
            }
        }
        return NONE;
    }

    /** The state after a word with hash {@code h}; a word no phrase uses leads back to the root. */
    private int step(int state, long h) {
        int id = wordId(finish(h));
        return id == NONE ? ROOT : next(state, id);
    }

    /** Rules out a text word that only shares its hash with a phrase word. Runs on a match only. */
    private boolean confirmed(CharSequence text, int phrase) {
        String folded = " " + Folding.normalize(text) + " ";
        return folded.contains(" " + phrases[phrase] + " ");
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

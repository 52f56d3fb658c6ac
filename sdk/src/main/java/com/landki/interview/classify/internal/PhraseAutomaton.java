package com.landki.interview.classify.internal;

import java.util.ArrayList;
import java.util.Arrays;
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

    private final String[] phrases;
    // vocabulary: open addressing, word hash -> word id
    private final long[] vocabularyKeys;
    private final int[] vocabularyIds;
    private final int vocabularyMask;
    // trie transitions of the root, dense by word id: the target state (root when there is no child)
    private final int[] rootNext;
    // other trie transitions: open addressing, (state << 32 | word id) -> target state
    private final long[] edgeKeys;
    private final int[] edgeTargets;
    private final int edgeMask;
    private final int[] fail;
    private final int[] phraseOf;

    private PhraseAutomaton(String[] phrases, long[] vocabularyKeys, int[] vocabularyIds, int[] rootNext,
                            long[] edgeKeys, int[] edgeTargets, int[] fail, int[] phraseOf) {
        this.phrases = phrases;
        this.vocabularyKeys = vocabularyKeys;
        this.vocabularyIds = vocabularyIds;
        this.vocabularyMask = vocabularyKeys.length - 1;
        this.rootNext = rootNext;
        this.edgeKeys = edgeKeys;
        this.edgeTargets = edgeTargets;
        this.edgeMask = edgeKeys.length - 1;
        this.fail = fail;
        this.phraseOf = phraseOf;
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
        Map<String, Integer> vocabulary = new HashMap<>();
        List<int[]> wordIds = new ArrayList<>(normalizedPhrases.size());
        for (String phrase : normalizedPhrases) {
            if (phrase.isEmpty() || phrase.startsWith(" ") || phrase.endsWith(" ") || phrase.contains("  ")) {
                throw new IllegalArgumentException("phrase must be normalized and not empty: '" + phrase + "'");
            }
            String[] words = phrase.split(" ");
            int[] ids = new int[words.length];
            for (int i = 0; i < words.length; i++) {
                Integer id = vocabulary.putIfAbsent(words[i], vocabulary.size());
                ids[i] = id == null ? vocabulary.size() - 1 : id;
            }
            wordIds.add(ids);
        }

        long[] vocabularyKeys = new long[tableSize(vocabulary.size())];
        int[] vocabularyIds = new int[vocabularyKeys.length];
        for (Map.Entry<String, Integer> word : vocabulary.entrySet()) {
            long key = hashOf(word.getKey());
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
            vocabularyIds[slot] = word.getValue();
        }

        // trie over word ids
        Map<Long, Integer> edges = new HashMap<>();
        List<Integer> phraseOfList = new ArrayList<>();
        phraseOfList.add(NONE);
        for (int p = 0; p < wordIds.size(); p++) {
            int state = ROOT;
            for (int id : wordIds.get(p)) {
                long edge = edgeKey(state, id);
                Integer next = edges.get(edge);
                if (next == null) {
                    next = phraseOfList.size();
                    phraseOfList.add(NONE);
                    edges.put(edge, next);
                }
                state = next;
            }
            if (phraseOfList.get(state) == NONE) {
                phraseOfList.set(state, p); // duplicates keep the first phrase
            }
        }
        int states = phraseOfList.size();
        int[] phraseOf = new int[states];
        for (int s = 0; s < states; s++) {
            phraseOf[s] = phraseOfList.get(s);
        }
        List<List<long[]>> children = new ArrayList<>(states); // per state: {word id, child}
        for (int s = 0; s < states; s++) {
            children.add(new ArrayList<>(1));
        }
        for (Map.Entry<Long, Integer> edge : edges.entrySet()) {
            long key = edge.getKey();
            children.get((int) (key >>> 32)).add(new long[] {key & 0xFFFFFFFFL, edge.getValue()});
        }

        int[] rootNext = new int[vocabulary.size()];
        for (long[] child : children.get(ROOT)) {
            rootNext[(int) child[0]] = (int) child[1];
        }
        long[] edgeKeys = new long[tableSize(edges.size())];
        int[] edgeTargets = new int[edgeKeys.length];
        Arrays.fill(edgeKeys, -1L);
        for (Map.Entry<Long, Integer> edge : edges.entrySet()) {
            long key = edge.getKey();
            if ((key >>> 32) == ROOT) {
                continue;
            }
            int slot = mix(key) & (edgeKeys.length - 1);
            while (edgeKeys[slot] != -1L) {
                slot = (slot + 1) & (edgeKeys.length - 1);
            }
            edgeKeys[slot] = key;
            edgeTargets[slot] = edge.getValue();
        }

        // failure links, breadth-first; a phrase ending at a state's failure target also ends at the state
        int[] fail = new int[states];
        int[] queue = new int[states];
        int head = 0;
        int tail = 0;
        for (long[] child : children.get(ROOT)) {
            queue[tail++] = (int) child[1];
        }
        PhraseAutomaton partial = new PhraseAutomaton(null, vocabularyKeys, vocabularyIds, rootNext, edgeKeys,
                edgeTargets, fail, phraseOf);
        while (head < tail) {
            int state = queue[head++];
            if (phraseOf[state] == NONE) {
                phraseOf[state] = phraseOf[fail[state]];
            }
            for (long[] child : children.get(state)) {
                int id = (int) child[0];
                int target = (int) child[1];
                fail[target] = partial.next(fail[state], id);
                queue[tail++] = target;
            }
        }
        return new PhraseAutomaton(normalizedPhrases.toArray(new String[0]), vocabularyKeys, vocabularyIds,
                rootNext, edgeKeys, edgeTargets, fail, phraseOf);
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

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** The word id of a word hash, or {@link #NONE} when no phrase uses the word. */
    private int wordId(long key) {
        int slot = (int) key & vocabularyMask;
        long found;
        while ((found = vocabularyKeys[slot]) != 0) {
            if (found == key) {
                return vocabularyIds[slot];
            }
            slot = (slot + 1) & vocabularyMask;
        }
        return NONE;
    }

    /** The Aho–Corasick transition: the trie child, else the failure chain's. */
    private int next(int state, int wordId) {
        while (state != ROOT) {
            long key = edgeKey(state, wordId);
            int slot = mix(key) & edgeMask;
            long found;
            while ((found = edgeKeys[slot]) != -1L) {
                if (found == key) {
                    return edgeTargets[slot];
                }
                slot = (slot + 1) & edgeMask;
            }
            state = fail[state];
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
        for (int i = 0; i <= n; i++) {
            char f = i < n ? Folding.fold(text.charAt(i)) : Folding.SEPARATOR;
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
                if (!inWord) {
                    continue;
                }
                int id = wordId(finish(h));
                h = HASH_SEED;
                inWord = false;
                state = id == NONE ? ROOT : next(state, id);
                int phrase = phraseOf[state];
                if (phrase != NONE && confirmed(text, phrase)) {
                    return phrase;
                }
            } else if (f == Folding.SHARP_S) {
                h = (h + 's') * HASH_MULTIPLIER;
                h = (h + 's') * HASH_MULTIPLIER;
                prev = 's';
                inWord = true;
            }
            // else: Folding.IGNORE
        }
        return NONE;
    }

    /** Rules out a text word that only shares its hash with a phrase word. Runs on a match only. */
    private boolean confirmed(CharSequence text, int phrase) {
        String folded = " " + Folding.normalize(text) + " ";
        return folded.contains(" " + phrases[phrase] + " ");
    }

    /** Number of automaton states (for sizing and tests). */
    public int states() {
        return fail.length;
    }

    /** Number of distinct words over all phrases. */
    public int vocabularySize() {
        return rootNext.length;
    }
}

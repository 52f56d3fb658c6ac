package com.landki.interview.classify.internal;

import static com.landki.interview.classify.internal.PhraseAutomaton.FAIL;
import static com.landki.interview.classify.internal.PhraseAutomaton.MANY;
import static com.landki.interview.classify.internal.PhraseAutomaton.NO_CHILD;
import static com.landki.interview.classify.internal.PhraseAutomaton.NONE;
import static com.landki.interview.classify.internal.PhraseAutomaton.ONLY_TARGET;
import static com.landki.interview.classify.internal.PhraseAutomaton.ONLY_WORD;
import static com.landki.interview.classify.internal.PhraseAutomaton.OUT;
import static com.landki.interview.classify.internal.PhraseAutomaton.ROOT;
import static com.landki.interview.classify.internal.PhraseAutomaton.STRIDE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles patterns into the tables of a {@link PhraseAutomaton}: the vocabulary of the patterns' words,
 * the trie over the segments (numbered breadth-first), its failure links, and per state the output list
 * of the segments ending there. See {@link PhraseAutomaton} for the layout.
 */
final class PhraseAutomatonBuilder {

    private PhraseAutomatonBuilder() {
    }

    static PhraseAutomaton compile(List<PhrasePattern> patterns) {
        // the keywords: distinct segments; per keyword its uses as {pattern, position, words}
        Map<String, Integer> keywordIds = new HashMap<>();
        List<String[]> keywords = new ArrayList<>();
        List<List<int[]>> uses = new ArrayList<>();
        Map<String, Long> hashes = new HashMap<>();
        int[] firstSlot = new int[patterns.size()];
        int progressSlots = 0;
        for (int p = 0; p < patterns.size(); p++) {
            PhrasePattern pattern = patterns.get(p);
            firstSlot[p] = progressSlots;
            progressSlots += pattern.positions() - 1;
            for (int j = 0; j < pattern.positions(); j++) {
                for (String[] words : pattern.segments(j)) {
                    String key = String.join(" ", words);
                    Integer id = keywordIds.get(key);
                    if (id == null) {
                        id = keywords.size();
                        keywordIds.put(key, id);
                        keywords.add(words);
                        uses.add(new ArrayList<>());
                        for (String word : words) {
                            hashes.computeIfAbsent(word, PhraseAutomaton::hashOf);
                        }
                    }
                    uses.get(id).add(new int[] {p, j, words.length});
                }
            }
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
        List<Integer> keywordOf = new ArrayList<>();
        children.add(new ArrayList<>());
        keywordOf.add(NONE);
        Map<Long, Integer> edges = new HashMap<>();
        for (int k = 0; k < keywords.size(); k++) {
            int state = ROOT;
            for (String word : keywords.get(k)) {
                int id = wordIds.get(word);
                long edge = edgeKey(state, id);
                Integer next = edges.get(edge);
                if (next == null) {
                    next = children.size();
                    children.add(new ArrayList<>(1));
                    keywordOf.add(NONE);
                    edges.put(edge, next);
                    children.get(state).add(new int[] {id, next});
                }
                state = next;
            }
            keywordOf.set(state, k);
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
        List<Integer> renumberedKeywordOf = new ArrayList<>(states);
        for (int s = 0; s < states; s++) {
            List<int[]> kids = new ArrayList<>(children.get(order[s]).size());
            for (int[] child : children.get(order[s])) {
                kids.add(new int[] {child[0], newId[child[1]]});
            }
            renumbered.add(kids);
            renumberedKeywordOf.add(keywordOf.get(order[s]));
        }
        children = renumbered;
        keywordOf = renumberedKeywordOf;

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
            nodes[s * STRIDE + OUT] = NONE;
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

        // failure links, breadth-first; the keywords ending at a state's failure target also end at the state
        PhraseAutomaton links = new PhraseAutomaton(new PhrasePattern[0], 0, hashes.size(), vocabularyKeys,
                rootNext, childTables, nodes, new int[0]);
        int[] queue = new int[states];
        int[] fail = new int[states];
        int head = 0;
        int tail = 0;
        for (int[] child : children.get(ROOT)) {
            nodes[child[1] * STRIDE + FAIL] = ROOT;
            queue[tail++] = child[1];
        }
        while (head < tail) {
            int state = queue[head++];
            fail[state] = nodes[state * STRIDE + FAIL];
            for (int[] child : children.get(state)) {
                nodes[child[1] * STRIDE + FAIL] = links.next(nodes[state * STRIDE + FAIL], child[0]);
                queue[tail++] = child[1];
            }
        }
        // outputs per state: its own keyword's uses, then those of its failure target (already merged:
        // breadth-first order visits the shallower failure target first)
        List<List<int[]>> merged = new ArrayList<>(states);
        for (int s = 0; s < states; s++) {
            merged.add(null);
        }
        merged.set(ROOT, List.of());
        List<Integer> pool = new ArrayList<>();
        for (int i = 0; i < tail; i++) {
            int state = queue[i];
            List<int[]> out = new ArrayList<>();
            int keyword = keywordOf.get(state);
            if (keyword != NONE) {
                out.addAll(uses.get(keyword));
            }
            out.addAll(merged.get(fail[state]));
            merged.set(state, out);
            if (!out.isEmpty()) {
                nodes[state * STRIDE + OUT] = pool.size();
                List<int[]> sorted = new ArrayList<>(out);
                sorted.sort((x, y) -> Integer.compare(y[1], x[1])); // later segments first
                pool.add(sorted.size());
                for (int[] use : sorted) {
                    PhrasePattern pattern = patterns.get(use[0]);
                    int j = use[1];
                    pool.add(use[0]);
                    pool.add(j == 0 ? NONE : firstSlot[use[0]] + j - 1);
                    pool.add(j == pattern.positions() - 1 ? NONE : firstSlot[use[0]] + j);
                    pool.add(use[2]);
                    pool.add(pattern.gapBefore(j));
                }
            }
        }
        return new PhraseAutomaton(patterns.toArray(new PhrasePattern[0]), progressSlots, hashes.size(),
                vocabularyKeys, rootNext, childTables, nodes, pool.stream().mapToInt(Integer::intValue).toArray());
    }

    private static int tableSize(int entries) {
        return Math.max(4, Integer.highestOneBit(Math.max(1, entries) * 2 - 1) << 1);
    }

    private static long edgeKey(int state, int wordId) {
        return ((long) state << 32) | wordId;
    }

}

package com.landki.interview.classify.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One marker pattern: positions that must occur in this order, with at most {@code gapBefore(j)} other
 * words between position {@code j - 1} and position {@code j}; each position is one of several
 * alternative word sequences ("segments"). A plain phrase is one position with one segment. Words are
 * folded and stemmed ({@link Folding#normalizeWords}).
 *
 * <p>{@link #parse} reads the phrase syntax: words; {@code ...} (or {@code …}) for up to
 * {@value #DEFAULT_GAP} other words, {@code ...N} for up to N (0 to {@value #MAX_GAP}); {@code (a|b c|d)}
 * for alternatives, each one or more words. Between two gaps, every combination of the alternatives is a
 * segment of that position. Immutable.
 */
public final class PhrasePattern {

    /** Words a plain {@code ...} allows between two segments. */
    public static final int DEFAULT_GAP = 3;
    /** The largest N of {@code ...N}. */
    public static final int MAX_GAP = 9;
    /** The most segments one position may expand to. */
    public static final int MAX_EXPANSIONS = 1000;

    private final String[][][] segments; // position, alternative, word
    private final int[] gaps;

    private PhrasePattern(String[][][] segments, int[] gaps) {
        this.segments = segments;
        this.gaps = gaps;
    }

    /** A pattern of one segment: the words of an already normalized phrase. */
    public static PhrasePattern exact(String normalizedWords) {
        return new PhrasePattern(new String[][][] {{normalizedWords.split(" ")}}, new int[1]);
    }

    /** Number of positions. */
    public int positions() {
        return segments.length;
    }

    /** The alternative segments of position {@code j}, each as its words. */
    public List<String[]> segments(int j) {
        List<String[]> copy = new ArrayList<>(segments[j].length);
        for (String[] segment : segments[j]) {
            copy.add(segment.clone());
        }
        return copy;
    }

    /** The most other words allowed before position {@code j} (0 for the first). */
    public int gapBefore(int j) {
        return gaps[j];
    }

    /**
     * The pattern of a phrase line.
     *
     * @throws IllegalArgumentException naming the problem when the syntax is wrong or the line has no word
     */
    public static PhrasePattern parse(String phrase) {
        List<String[][]> positions = new ArrayList<>();
        List<Integer> gaps = new ArrayList<>();
        List<List<String>> current = new ArrayList<>(); // the segments of the position being read
        current.add(new ArrayList<>());
        int pendingGap = 0;
        boolean gapSeen = false;
        for (Object element : tokenize(phrase)) { // String[] words, Integer gap, List<String[]> alternatives
            if (element instanceof Integer gap) {
                if (current.get(0).isEmpty()) {
                    throw new IllegalArgumentException(positions.isEmpty() ? "starts with ..." : "two ... in a row");
                }
                positions.add(toArray(current));
                gaps.add(pendingGap);
                current = new ArrayList<>();
                current.add(new ArrayList<>());
                pendingGap = gap;
                gapSeen = true;
            } else if (element instanceof String[] words) {
                current.forEach(segment -> segment.addAll(Arrays.asList(words)));
            } else {
                List<?> alternatives = (List<?>) element;
                if (current.size() * alternatives.size() > MAX_EXPANSIONS) {
                    throw new IllegalArgumentException("more than " + MAX_EXPANSIONS
                            + " combinations of ( | ) between two gaps; split the line");
                }
                List<List<String>> next = new ArrayList<>();
                for (List<String> prefix : current) {
                    for (Object alternative : alternatives) {
                        List<String> longer = new ArrayList<>(prefix);
                        longer.addAll(Arrays.asList((String[]) alternative));
                        next.add(longer);
                    }
                }
                current = next;
            }
        }
        if (current.get(0).isEmpty()) {
            throw new IllegalArgumentException(gapSeen ? "ends with ..." : "has no letter or digit");
        }
        positions.add(toArray(current));
        gaps.add(pendingGap);
        return new PhrasePattern(positions.toArray(new String[0][][]),
                gaps.stream().mapToInt(Integer::intValue).toArray());
    }

    private static String[][] toArray(List<List<String>> segments) {
        return segments.stream().distinct().map(segment -> segment.toArray(new String[0])).toArray(String[][]::new);
    }

    private static List<Object> tokenize(String phrase) {
        List<Object> elements = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        int i = 0;
        while (i < phrase.length()) {
            char c = phrase.charAt(i);
            if (c == '(') {
                int close = phrase.indexOf(')', i);
                if (close < 0) {
                    throw new IllegalArgumentException("'(' without ')'");
                }
                String group = phrase.substring(i + 1, close);
                if (group.indexOf('(') >= 0 || isGapAt(group)) {
                    throw new IllegalArgumentException("no '(' and no ... inside ( )");
                }
                addWords(elements, chunk);
                List<String[]> alternatives = new ArrayList<>();
                for (String alternative : group.split("\\|", -1)) {
                    String words = Folding.normalizeWords(alternative);
                    if (words.isEmpty()) {
                        throw new IllegalArgumentException("empty alternative in (" + group + ")");
                    }
                    alternatives.add(words.split(" "));
                }
                elements.add(alternatives);
                i = close + 1;
            } else if (c == ')' || c == '|') {
                throw new IllegalArgumentException("'" + c + "' outside ( )");
            } else if (c == '\u2026' || phrase.startsWith("...", i)) {
                addWords(elements, chunk);
                while (i < phrase.length() && (phrase.charAt(i) == '.' || phrase.charAt(i) == '\u2026')) {
                    i++;
                }
                int digits = i;
                while (i < phrase.length() && Character.isDigit(phrase.charAt(i))) {
                    i++;
                }
                int gap = digits == i ? DEFAULT_GAP : Integer.parseInt(phrase.substring(digits, i));
                if (gap > MAX_GAP) {
                    throw new IllegalArgumentException("..." + gap + ": at most ..." + MAX_GAP);
                }
                elements.add(gap);
            } else {
                chunk.append(c);
                i++;
            }
        }
        addWords(elements, chunk);
        return elements;
    }

    private static boolean isGapAt(String text) {
        return text.contains("...") || text.indexOf('\u2026') >= 0;
    }

    private static void addWords(List<Object> elements, StringBuilder chunk) {
        String words = Folding.normalizeWords(chunk);
        chunk.setLength(0);
        if (!words.isEmpty()) {
            elements.add(words.split(" "));
        }
    }

    /**
     * Whether the pattern occurs in the words (as {@link Folding#normalizeWords} splits them): the plain
     * reference for {@link PhraseAutomaton}, which must agree with it, and its check of a match.
     */
    public boolean occursIn(String[] words) {
        int last = segments.length - 1;
        int[] reached = new int[segments.length]; // end word index + 1 of the latest occurrence, 0 = none yet
        for (int i = 0; i < words.length; i++) {
            for (int j = last; j >= 0; j--) {
                for (String[] segment : segments[j]) {
                    if (!endsAt(words, i, segment) || (j > 0 && !follows(reached[j - 1], i, segment.length, gaps[j]))) {
                        continue;
                    }
                    if (j == last) {
                        return true;
                    }
                    reached[j] = i + 1;
                }
            }
        }
        return false;
    }

    /** Whether a segment of {@code length} words ending at word {@code end} may follow one ending at {@code reached - 1}. */
    static boolean follows(int reached, int end, int length, int gap) {
        int previousEnd = reached - 1;
        int start = end - length + 1;
        return reached > 0 && previousEnd < start && previousEnd >= start - 1 - gap;
    }

    private static boolean endsAt(String[] words, int end, String[] segment) {
        int start = end - segment.length + 1;
        if (start < 0) {
            return false;
        }
        for (int k = 0; k < segment.length; k++) {
            if (!words[start + k].equals(segment[k])) {
                return false;
            }
        }
        return true;
    }

    /** The canonical form: each position's segments in ( | ), {@code ...N} between; equal patterns, equal strings. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (int j = 0; j < segments.length; j++) {
            if (j > 0) {
                out.append(" ...").append(gaps[j]).append(' ');
            }
            out.append('(');
            for (int a = 0; a < segments[j].length; a++) {
                out.append(a == 0 ? "" : "|").append(String.join(" ", segments[j][a]));
            }
            out.append(')');
        }
        return out.toString();
    }
}

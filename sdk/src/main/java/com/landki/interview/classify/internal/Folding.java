package com.landki.interview.classify.internal;

import java.text.Normalizer;

/**
 * The character folding shared by phrases and answer text: lower case, accents removed, {@code ß} as
 * {@code ss}, every run of whitespace and punctuation as one space, {@code ae}/{@code oe}/{@code ue}
 * contracted to {@code a}/{@code o}/{@code u} (so {@code ä}, {@code ae} and {@code a} fold alike).
 *
 * <p>The per-character part is one table lookup ({@link #fold(char)}); the two context rules (collapse
 * separators, drop the {@code e} after {@code a}/{@code o}/{@code u}) are applied by the callers: by
 * {@link #normalize(CharSequence)} for phrases and inline by {@link PhraseAutomaton} for text, which must
 * stay in step with each other (a test compares them on random text).
 *
 * <p>Light stemming ({@link #stem}) then cuts up to {@value #MAX_STRIPPED} trailing {@code e}, {@code n},
 * {@code s}, {@code r}, {@code m} off a folded word, keeping at least {@value #MIN_STEM} letters, so the
 * usual German and English endings fold alike: {@code Information}, {@code Informationen} →
 * {@code informatio}; {@code keine}, {@code keinen}, {@code keiner} → {@code kein}; {@code documents} →
 * {@code document}. It is deliberately crude — the same rule on phrase and text is what matters, not the
 * linguistics. Stateless and thread-safe.
 */
public final class Folding {

    /** Table value of characters that vanish: combining marks, apostrophes, soft hyphen, zero-width. */
    public static final char IGNORE = 0;
    /** Table value of {@code ß} and {@code ẞ}, which fold to two {@code s}. */
    public static final char SHARP_S = 1;
    /** Table value of whitespace, punctuation and symbols. */
    public static final char SEPARATOR = ' ';

    /** A word keeps at least this many letters when its ending is cut. */
    public static final int MIN_STEM = 4;
    /** At most this many letters are cut off the end of a word. */
    public static final int MAX_STRIPPED = 3;

    private static final char[] TABLE = buildTable();

    private Folding() {
    }

    /** The folded form of one character: a lower-case base letter or digit, or one of the constants. */
    public static char fold(char c) {
        return TABLE[c];
    }

    /** True for the letters after which an {@code e} is dropped ({@code ae}, {@code oe}, {@code ue}). */
    public static boolean contractsFollowingE(char folded) {
        return folded == 'a' || folded == 'o' || folded == 'u';
    }

    /** True for the letters {@link #stem} may cut off the end of a word: e, n, s, r, m. */
    public static boolean isEnding(char folded) {
        return folded == 'e' || folded == 'n' || folded == 's' || folded == 'r' || folded == 'm';
    }

    /** The stem of one folded word (as {@link #normalize} returns words): see the class comment. */
    public static String stem(String word) {
        int length = word.length();
        int cut = 0;
        while (cut < MAX_STRIPPED && length - cut > MIN_STEM && isEnding(word.charAt(length - 1 - cut))) {
            cut++;
        }
        return word.substring(0, length - cut);
    }

    /**
     * The folded and stemmed words of a text, separated by single spaces: exactly the words
     * {@link PhraseAutomaton} sees for the same text.
     */
    public static String normalizeWords(CharSequence text) {
        String folded = normalize(text);
        if (folded.isEmpty()) {
            return folded;
        }
        StringBuilder out = new StringBuilder(folded.length());
        for (String word : folded.split(" ")) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(stem(word));
        }
        return out.toString();
    }

    /**
     * The folded form of a whole text: words separated by single spaces, no space at either end.
     * {@link #normalizeWords} stems these words, which is what {@link PhraseAutomaton} sees.
     */
    public static String normalize(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        char prev = SEPARATOR;
        for (int i = 0; i < text.length(); i++) {
            char f = TABLE[text.charAt(i)];
            if (f == IGNORE) {
                continue;
            }
            if (f == SEPARATOR) {
                if (prev != SEPARATOR) {
                    out.append(SEPARATOR);
                    prev = SEPARATOR;
                }
            } else if (f == SHARP_S) {
                out.append("ss");
                prev = 's';
            } else if (f == 'e' && contractsFollowingE(prev)) {
                prev = 'e';
            } else {
                out.append(f);
                prev = f;
            }
        }
        int end = out.length();
        if (end > 0 && out.charAt(end - 1) == SEPARATOR) {
            out.setLength(end - 1);
        }
        return out.toString();
    }

    private static char[] buildTable() {
        char[] table = new char[Character.MAX_VALUE + 1];
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            table[i] = foldOne((char) i);
        }
        return table;
    }

    private static char foldOne(char c) {
        switch (c) {
            case '\'': case '\u2019': case '\u2018': case '\u02BC': case '\u00B4': case '`':
            case '\u00AD':
                // "don't" = "dont", "gibt's" = "gibts"; a soft hyphen is invisible
                return IGNORE;
            case '\u00DF': case '\u1E9E':
                return SHARP_S;
            case '\u00E6': case '\u00C6':
                return 'a'; // æ = ae, which contracts to a
            case '\u0153': case '\u0152': case '\u00F8': case '\u00D8':
                return 'o';
            case '\u0142': case '\u0141':
                return 'l';
            case '\u0111': case '\u0110': case '\u00F0': case '\u00D0':
                return 'd';
            case '\u0131':
                return 'i';
            default:
                break;
        }
        int type = Character.getType(c);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.FORMAT) {
            return IGNORE;
        }
        if (!Character.isLetterOrDigit(c)) {
            return SEPARATOR;
        }
        char base = c;
        // NFD only below U+2000: above, e.g. Hangul syllables decompose into jamo, which is no accent
        if (c >= 0x80 && c < 0x2000) {
            String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            if (Character.isLetterOrDigit(decomposed.charAt(0))) {
                base = decomposed.charAt(0);
            }
        }
        char lower = Character.toLowerCase(base);
        // keep the special values free for their meaning
        return lower <= SHARP_S || lower == SEPARATOR ? SEPARATOR : lower;
    }
}

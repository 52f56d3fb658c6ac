package com.landki.interview.classify;

import com.landki.interview.classify.internal.PhraseAutomaton;
import com.landki.interview.classify.internal.PhrasePattern;
import com.landki.interview.config.ConfigSource;
import com.landki.interview.config.Settings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Finds out-of-scope answers by marker phrases such as "liegen mir ...5 keine" or "outside my scope".
 *
 * <p>Matching ignores case, accents ({@code ä} = {@code ae} = {@code a}, {@code é} = {@code e}),
 * {@code ß}/{@code ss}, apostrophes ({@code don't} = {@code dont}), and treats every run of whitespace,
 * punctuation and line breaks as one space. Phrases match whole words, after common endings are cut off
 * every word of phrase and text alike, so "keine Information" also matches "keiner Informationen" but
 * never "Informationsblatt".
 *
 * <p>Phrase syntax: {@code ...} (or {@code …}) allows up to 3 other words at that place, {@code ...N} up to
 * N (0 to 9); {@code (a|b c)} is one of the alternatives, each one or more words. When several phrases
 * match up to the same word, the first one given is reported.
 *
 * <p>The text is scanned once by an Aho–Corasick automaton over its words, so the cost per answer does not
 * grow with the number of phrases (see {@code docs/benchmarks.md}); its measured precision and recall on a
 * labeled corpus are in {@code docs/classifier.md}.
 *
 * <p>Phrase files ({@link Builder#addPhrasesFrom(Path)}, {@code OUT_OF_SCOPE_MARKERS_FILE}) are UTF-8, one phrase
 * per line; blank lines and lines starting with {@code #} are ignored, and a line {@code @defaults}
 * includes the built-in German and English lists.
 *
 * <p>Immutable and thread-safe; building compiles the automaton, so build once and share.
 */
public final class MarkerClassifier implements ScopeClassifier {

    /** Classpath resource of the default German phrases. */
    public static final String DEFAULT_GERMAN_RESOURCE = "/com/landki/interview/classify/markers-de.txt";
    /** Classpath resource of the default English phrases. */
    public static final String DEFAULT_ENGLISH_RESOURCE = "/com/landki/interview/classify/markers-en.txt";
    /** The line in a phrase file that includes the default lists. */
    public static final String INCLUDE_DEFAULTS = "@defaults";

    private final List<String> phrases;
    private final PhraseAutomaton automaton;

    private MarkerClassifier(List<String> phrases, PhraseAutomaton automaton) {
        this.phrases = phrases;
        this.automaton = automaton;
    }

    /**
     * The default German and English phrases; one shared instance.
     *
     * @return the shared classifier
     */
    public static MarkerClassifier ofDefaults() {
        return Defaults.CLASSIFIER;
    }

    /**
     * Exactly the given phrases.
     *
     * @param phrases the marker phrases; at least one
     * @return the classifier
     */
    public static MarkerClassifier of(Collection<String> phrases) {
        return builder().addPhrases(phrases).build();
    }

    /**
     * The phrases of the file named by {@code OUT_OF_SCOPE_MARKERS_FILE} (system property or environment), or
     * the defaults when it is unset or blank.
     *
     * @return the classifier
     * @throws UncheckedIOException when the file cannot be read
     */
    public static MarkerClassifier fromEnv() {
        return from(ConfigSource.standard());
    }

    /**
     * As {@link #fromEnv()}, reading {@code source}.
     *
     * @param source where {@code OUT_OF_SCOPE_MARKERS_FILE} is read
     * @return the classifier
     */
    public static MarkerClassifier from(ConfigSource source) {
        Path file = Settings.OUT_OF_SCOPE_MARKERS_FILE.read(source);
        return file == null ? ofDefaults() : builder().addPhrasesFrom(file).build();
    }

    /**
     * A builder with no phrases.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Scans the text once.
     *
     * @param text the answer text; not {@code null}
     * @return the first phrase (as configured) whose match ends first in the text, or empty
     */
    public Optional<String> find(CharSequence text) {
        if (text == null) {
            return Optional.empty();
        }
        int pattern = automaton.find(text);
        return pattern < 0 ? Optional.empty() : Optional.of(phrases.get(pattern));
    }

    /**
     * Classifies an answer text.
     *
     * @param answer the answer text; not {@code null}
     * @return out of scope with the matched phrase as its reason, or in scope
     */
    public ScopeDecision classifyText(CharSequence answer) {
        if (answer == null) {
            return ScopeDecision.none();
        }
        int pattern = automaton.find(answer);
        return pattern < 0 ? ScopeDecision.none() : ScopeDecision.marker(phrases.get(pattern));
    }

    /** Classifies the turn's answer text; the question is not looked at. */
    @Override
    public ScopeDecision classify(Turn turn) {
        return classifyText(Objects.requireNonNull(turn, "turn").answer());
    }

    /**
     * The phrases as configured, duplicates (after folding and stemming) removed, in the order given.
     *
     * @return an immutable list
     */
    public List<String> phrases() {
        return phrases;
    }

    @Override
    public String toString() {
        return "MarkerClassifier[" + phrases.size() + " phrases, " + automaton.states() + " states]";
    }

    /** Collects phrases; not thread-safe, {@link #build()} may be called more than once. */
    public static final class Builder {

        private final List<String> phrases = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds the default German and English phrases.
         *
         * @return this builder
         */
        public Builder addDefaults() {
            phrases.addAll(Defaults.PHRASES);
            return this;
        }

        /**
         * Adds one phrase.
         *
         * @param phrase not blank; matched case- and accent-insensitively
         * @return this builder
         */
        public Builder addPhrase(String phrase) {
            Objects.requireNonNull(phrase, "phrase");
            if (phrase.isBlank()) {
                throw new IllegalArgumentException("phrase: must not be blank");
            }
            phrases.add(phrase.strip());
            return this;
        }

        /**
         * Adds phrases in order.
         *
         * @param more phrases; none blank
         * @return this builder
         */
        public Builder addPhrases(Collection<String> more) {
            Objects.requireNonNull(more, "phrases");
            for (String phrase : more) {
                addPhrase(phrase);
            }
            return this;
        }

        /**
         * Adds the phrases of a UTF-8 file: one per line, {@code #} comments and blank lines ignored,
         * {@value #INCLUDE_DEFAULTS} includes the default lists.
         *
         * @param file the file
         * @return this builder
         * @throws UncheckedIOException     naming the file when it cannot be read
         * @throws IllegalArgumentException naming the file when it holds no phrase
         */
        public Builder addPhrasesFrom(Path file) {
            Objects.requireNonNull(file, "file");
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("marker phrases: cannot read " + file.toAbsolutePath() + ": " + e, e);
            }
            List<String> phraseLines = parseLines(lines);
            if (phraseLines.isEmpty()) {
                throw new IllegalArgumentException("marker phrases: " + file.toAbsolutePath()
                        + " has no phrase; write one per line, or the line " + INCLUDE_DEFAULTS);
            }
            for (String line : phraseLines) {
                if (line.equals(INCLUDE_DEFAULTS)) {
                    addDefaults();
                } else {
                    addPhrase(line);
                }
            }
            return this;
        }

        /**
         * Compiles the phrases.
         *
         * @return the classifier
         * @throws IllegalArgumentException when there is no phrase, or a phrase has no letter or digit or
         *                                  breaks the phrase syntax (the message names the phrase)
         */
        public MarkerClassifier build() {
            if (phrases.isEmpty()) {
                throw new IllegalArgumentException(
                        "phrases: give at least one phrase, or use MarkerClassifier.ofDefaults()");
            }
            List<String> kept = new ArrayList<>();
            List<PhrasePattern> patterns = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String phrase : phrases) {
                PhrasePattern pattern;
                try {
                    pattern = PhrasePattern.parse(phrase);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("phrase '" + phrase + "': " + e.getMessage(), e);
                }
                if (seen.add(pattern.toString())) {
                    kept.add(phrase);
                    patterns.add(pattern);
                }
            }
            return new MarkerClassifier(List.copyOf(kept), PhraseAutomaton.compile(patterns));
        }
    }

    private static List<String> parseLines(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String stripped = line.strip();
            if (!stripped.isEmpty() && !stripped.startsWith("#")) {
                out.add(stripped);
            }
        }
        return out;
    }

    /** Loaded on first use only. */
    private static final class Defaults {
        static final List<String> PHRASES = loadDefaults();
        static final MarkerClassifier CLASSIFIER = builder().addDefaults().build();

        private static List<String> loadDefaults() {
            List<String> all = new ArrayList<>(readResource(DEFAULT_GERMAN_RESOURCE));
            all.addAll(readResource(DEFAULT_ENGLISH_RESOURCE));
            return List.copyOf(all);
        }

        private static List<String> readResource(String name) {
            try (InputStream in = MarkerClassifier.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + name + " in interview-sdk");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                return parseLines(reader.lines().toList());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read resource " + name, e);
            }
        }
    }
}

package com.landki.interview.classify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the default marker classifier on a labeled corpus of assistant replies
 * ({@code src/test/resources/classify/}), in five parts: {@code tuning} and {@code holdout} by a first author,
 * {@code fresh-1} to {@code fresh-3} by a second author, each written after the lists had been tuned
 * against the parts before it, measured once, then tuned against. See {@code docs/classifier.md}, which
 * records each part's figure from before the lists were tuned against it.
 *
 * <p>Prints the figures and every misclassified reply; rerun with
 * {@code ./mvnw -B -q -pl sdk -am test -Dtest=MarkerClassifierCorpusTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class MarkerClassifierCorpusTest {

    record Reply(String text, String lang, boolean outOfScope) {
    }

    record Figures(String name, int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {

        static Figures of(String name, List<Reply> replies, MarkerClassifier classifier) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            int tn = 0;
            for (Reply reply : replies) {
                boolean flagged = classifier.classifyText(reply.text()).outOfScope();
                if (flagged && reply.outOfScope()) {
                    tp++;
                } else if (flagged) {
                    fp++;
                } else if (reply.outOfScope()) {
                    fn++;
                } else {
                    tn++;
                }
            }
            return new Figures(name, tp, fp, fn, tn);
        }

        double precision() {
            return truePositives + falsePositives == 0 ? 1.0
                    : (double) truePositives / (truePositives + falsePositives);
        }

        double recall() {
            return truePositives + falseNegatives == 0 ? 1.0
                    : (double) truePositives / (truePositives + falseNegatives);
        }

        String row() {
            return String.format(Locale.ROOT, "| %s | %d | %d | %d/%d | %d | %.3f | %.3f |", name,
                    truePositives + falseNegatives + falsePositives + trueNegatives,
                    truePositives + falseNegatives, truePositives, truePositives + falseNegatives, falsePositives,
                    precision(), recall());
        }
    }

    /** The parts, in the order they were written. */
    static final List<String> PARTS = List.of("tuning", "holdout", "fresh-1", "fresh-2", "fresh-3");

    // the targets of the default setting (docs/classifier.md)
    private static final double MIN_PRECISION = 0.98;
    private static final double MIN_RECALL = 0.95;

    private final MarkerClassifier classifier = MarkerClassifier.ofDefaults();

    @Test
    void corpusIsLargeBilingualAndHasNoDuplicates() {
        List<Reply> all = all();
        Set<String> texts = new HashSet<>();
        for (Reply reply : all) {
            assertThat(texts.add(reply.text())).as("duplicate reply: %s", reply.text()).isTrue();
        }
        assertThat(all).hasSizeGreaterThanOrEqualTo(900);
        for (String part : PARTS) {
            assertThat(load(part)).as(part).hasSizeGreaterThanOrEqualTo(150);
        }
        for (String lang : List.of("de", "en")) {
            assertThat(all).filteredOn(r -> r.lang().equals(lang) && r.outOfScope()).hasSizeGreaterThan(200);
            assertThat(all).filteredOn(r -> r.lang().equals(lang) && !r.outOfScope()).hasSizeGreaterThan(200);
        }
    }

    @Test
    void defaultMarkersMeetTheTargetsOnTheWholeCorpusAndInEachLanguage() {
        List<Reply> all = all();
        List<Figures> figures = new ArrayList<>();
        for (String part : PARTS) {
            figures.add(Figures.of(part, load(part), classifier));
        }
        Figures whole = Figures.of("all", all, classifier);
        Figures german = Figures.of("all, German", only(all, r -> r.lang().equals("de")), classifier);
        Figures english = Figures.of("all, English", only(all, r -> r.lang().equals("en")), classifier);
        figures.addAll(List.of(whole, german, english));
        report(figures);

        for (Figures f : List.of(whole, german, english)) {
            assertThat(f.precision()).as("precision, %s", f.name()).isGreaterThanOrEqualTo(MIN_PRECISION);
            assertThat(f.recall()).as("recall, %s", f.name()).isGreaterThanOrEqualTo(MIN_RECALL);
        }
    }

    private void report(List<Figures> figures) {
        StringBuilder out = new StringBuilder("\nMarker classifier on the corpus (" + classifier + ")\n");
        out.append("| part | replies | out of scope | found | false positives | precision | recall |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|\n");
        figures.forEach(f -> out.append(f.row()).append('\n'));
        for (String part : PARTS) {
            out.append("misclassified (").append(part).append("):\n");
            for (Reply reply : load(part)) {
                boolean flagged = classifier.classifyText(reply.text()).outOfScope();
                if (flagged != reply.outOfScope()) {
                    out.append(flagged ? "  false positive: " : "  missed: ").append(reply.text())
                            .append(flagged ? "  [" + classifier.find(reply.text()).orElseThrow() + "]" : "")
                            .append('\n');
                }
            }
        }
        System.out.println(out);
    }

    private static List<Reply> all() {
        List<Reply> all = new ArrayList<>();
        PARTS.forEach(part -> all.addAll(load(part)));
        return all;
    }

    private static List<Reply> only(List<Reply> replies, Predicate<Reply> filter) {
        return replies.stream().filter(filter).toList();
    }

    static List<Reply> load(String part) {
        String resource = "/classify/" + part + ".jsonl";
        ObjectMapper json = new ObjectMapper();
        List<Reply> replies = new ArrayList<>();
        try (InputStream in = MarkerClassifierCorpusTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("test resource %s", resource).isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                replies.add(new Reply(node.get("text").asText(), node.get("lang").asText(),
                        node.get("out_of_scope").asBoolean()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return replies;
    }
}

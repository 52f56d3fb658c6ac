package com.landki.interview.bench.classify;

import com.landki.interview.classify.MarkerClassifier;
import com.landki.interview.classify.internal.Folding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A 2 KB in-scope answer (no phrase occurs, so every phrase list is scanned in full — the worst case)
 * against 10, 100, 1,000 and 5,000 marker phrases: {@link MarkerClassifier} (one pass, Aho–Corasick)
 * versus the naive way (lower-case the answer, then {@code contains} per phrase).
 *
 * <p>Sample mode: JMH times single calls and reports percentiles. On a shared, loaded machine the mean is
 * dominated by the few calls that were preempted for a time slice; the median (p0.50) is the cost of a
 * call that ran, and is what the targets are judged on. MB/s = {@link #ANSWER_BYTES} / median.
 * Phrases: the default German and English lists first, then phrases of three to five words drawn from the
 * answer's own vocabulary (every answer word starts some phrase: the automaton's worst case), fixed seed.
 *
 * <pre>
 * ./mvnw -B -q -DskipTests package -pl benchmarks -am
 * java -jar benchmarks/target/benchmarks.jar 'bench.classify' -f 1 -wi 2 -i 3 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class MarkerClassifierBenchmark {

    static final String ANSWER_PARAGRAPH =
            "Gern erkläre ich Ihnen den Ablauf. Das Interview dauert etwa 45 Minuten und findet per Video "
            + "statt; den Link erhalten Sie zwei Tage vorher per E-Mail. Weitere Informationen zur Einwilligung "
            + "finden Sie in den bereitgestellten Dokumenten, Abschnitt 3. Ihre Antworten werden pseudonymisiert "
            + "gespeichert und höchstens zwei Jahre aufbewahrt; Sie können die Teilnahme jederzeit beenden, ohne "
            + "Gründe zu nennen. Fragen zu Ihrem beruflichen Hintergrund, zu Ihren Erfahrungen mit Remote-Arbeit "
            + "und zu Ihrer Zufriedenheit im Team sind ausdrücklich erwünscht. The interview is held in German or "
            + "English, as you prefer; the documents describe the questions in detail, and you will find more "
            + "information about consent and data protection in section 2. Please have a quiet room and a "
            + "stable connection ready. ";

    @Param({"10", "100", "1000", "5000"})
    public int phrases;

    /** UTF-8 bytes of the answer every call scans. */
    public static final int ANSWER_BYTES = answerOf(2048).getBytes(StandardCharsets.UTF_8).length;

    String answer;
    MarkerClassifier classifier;
    String[] lowerCasePhrases;

    @Setup
    public void setUp() {
        answer = answerOf(2048);
        List<String> list = phraseList(phrases, answer);
        classifier = MarkerClassifier.of(list);
        lowerCasePhrases = list.stream().map(p -> p.toLowerCase(Locale.ROOT)).toArray(String[]::new);
        if (classifier.find(answer).isPresent() || naive(answer, lowerCasePhrases) != null) {
            throw new IllegalStateException("the benchmark answer must not contain a phrase");
        }
    }

    @Benchmark
    public Optional<String> automaton() {
        return classifier.find(answer);
    }

    @Benchmark
    public String naiveContains() {
        return naive(answer, lowerCasePhrases);
    }

    static String naive(String text, String[] lowerCasePhrases) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String phrase : lowerCasePhrases) {
            if (lower.contains(phrase)) {
                return phrase;
            }
        }
        return null;
    }

    /** The paragraph repeated and cut at a word boundary to about {@code chars} characters. */
    static String answerOf(int chars) {
        StringBuilder text = new StringBuilder();
        while (text.length() < chars) {
            text.append(ANSWER_PARAGRAPH);
        }
        int cut = text.lastIndexOf(" ", chars);
        return text.substring(0, cut);
    }

    /** The default phrases, then generated ones; none of them occurs in {@code answer}. */
    static List<String> phraseList(int count, String answer) {
        Set<String> result = new LinkedHashSet<>(MarkerClassifier.ofDefaults().phrases());
        String[] words = answer.replaceAll("[^\\p{L}\\p{N} ]", " ").trim().split(" +");
        Random random = new Random(20261126L);
        while (result.size() < count + count / 4 + 8) {
            int length = 3 + random.nextInt(3);
            StringBuilder phrase = new StringBuilder();
            for (int i = 0; i < length; i++) {
                phrase.append(i == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
            }
            result.add(phrase.toString());
        }
        List<String> candidates = new ArrayList<>(result);
        // drop the few generated phrases that happen to occur in the answer
        List<String> kept = new ArrayList<>(count);
        String lower = answer.toLowerCase(Locale.ROOT);
        String folded = " " + Folding.normalize(answer) + " ";
        for (String candidate : candidates) {
            if (kept.size() == count) {
                break;
            }
            if (!lower.contains(candidate.toLowerCase(Locale.ROOT))
                    && !folded.contains(" " + Folding.normalize(candidate) + " ")) {
                kept.add(candidate);
            }
        }
        if (kept.size() < count) {
            throw new IllegalStateException("only " + kept.size() + " phrases generated, wanted " + count);
        }
        return kept;
    }
}

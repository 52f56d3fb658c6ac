package com.landki.interview.example.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs one browser script of {@code frontend-assets/e2e} (playwright-core, installed by the frontend-assets
 * build) with node, echoes its output, and keeps each {@code ok}/{@code FAIL} line as the outcome of a scenario,
 * so a JUnit test can report every browser scenario as its own test.
 */
final class BrowserScript {

    static final Path FRONTEND = Path.of("..", "..", "frontend-assets").toAbsolutePath().normalize();
    static final Path SHOT_DIR = Path.of("target", "browser-screenshots").toAbsolutePath();
    private static final Pattern RESULT = Pattern.compile("^(ok|FAIL) {1,3}(.+?)(?: \\(\\d+ ms\\))?$");

    final Map<String, String> outcomes = new LinkedHashMap<>();
    final String output;
    final int exitCode;

    private BrowserScript(String output, int exitCode, Map<String, String> outcomes) {
        this.output = output;
        this.exitCode = exitCode;
        this.outcomes.putAll(outcomes);
    }

    /** Runs {@code e2e/<script>} with {@code env} added to this process's environment and waits for it. */
    static BrowserScript run(String script, Map<String, String> env) throws IOException, InterruptedException {
        assertThat(FRONTEND.resolve("node_modules/playwright-core"))
                .withFailMessage("playwright-core is missing in %s/node_modules: build frontend-assets first "
                        + "(./mvnw -B verify from the repository root runs it)", FRONTEND)
                .exists();
        ProcessBuilder pb = new ProcessBuilder("node", FRONTEND.resolve("e2e").resolve(script).toString())
                .directory(FRONTEND.toFile()).redirectErrorStream(true);
        pb.environment().put("SHOT_DIR", SHOT_DIR.toString());
        pb.environment().putAll(env);
        Process process = pb.start();
        StringBuilder out = new StringBuilder();
        Map<String, String> outcomes = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                System.out.println("[browser] " + line);
                out.append(line).append('\n');
                Matcher m = RESULT.matcher(line);
                if (m.matches()) {
                    outcomes.put(m.group(2), m.group(1));
                }
            }
        }
        assertThat(process.waitFor(4, TimeUnit.MINUTES)).withFailMessage("browser script did not finish").isTrue();
        return new BrowserScript(out.toString(), process.exitValue(), outcomes);
    }

    List<String> failures() {
        return outcomes.entrySet().stream().filter(e -> !e.getValue().equals("ok")).map(Map.Entry::getKey).toList();
    }

    /** Every scenario as a dynamic test that fails with the script's output. */
    Stream<DynamicTest> scenarios() {
        return outcomes.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () ->
                assertThat(e.getValue()).withFailMessage("%s failed; output:%n%s", e.getKey(), output).isEqualTo("ok")));
    }

    /** The script ran at least {@code minimum} scenarios and exited 0. */
    void assertAllPassed(int minimum) {
        assertThat(outcomes).withFailMessage("no scenario ran; output:%n%s", output).hasSizeGreaterThanOrEqualTo(minimum);
        assertThat(exitCode).withFailMessage("browser script failed (%s); output:%n%s", failures(), output).isZero();
    }
}

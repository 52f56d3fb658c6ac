package com.landki.interview.example.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.landki.interview.example.InterviewServer;
import com.landki.interview.servlet.InterviewApiOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chat page and the dashboard in headless Debian Chromium, against the real example server whose OpenAI
 * upstream is {@link OpenAiStandIn}. The browser side lives in {@code frontend-assets/e2e/browser-tests.mjs}
 * (playwright-core, installed by the frontend-assets build); this test starts the servers, runs that script
 * once, reports each browser scenario as its own test, and checks what the server stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class BrowserPagesTest {

    private static final String ADMIN_TOKEN = "browser-admin-token";
    private static final Path FRONTEND = Path.of("..", "..", "frontend-assets").toAbsolutePath().normalize();
    private static final Pattern RESULT = Pattern.compile("^(ok|FAIL) {1,3}(.+?)(?: \\(\\d+ ms\\))?$");

    @TempDir
    static Path logDir;

    private final OpenAiStandIn openAi = new OpenAiStandIn();
    private final MockWebServer upstream = new MockWebServer();
    // every run has a fresh log directory, so a fixed question is unique there
    private final String question = "Wie wird das Wetter morgen in Berlin?";
    private Server server;
    private Server serverBackend;
    private Server unconfigured;
    private final Map<String, String> outcomes = new HashMap<>();
    private final List<String> failures = new ArrayList<>();
    private String output = "";
    private int exitCode = -1;

    @BeforeAll
    void runBrowserScript() throws Exception {
        upstream.setDispatcher(openAi);
        upstream.start();
        Map<String, String> env = new HashMap<>();
        env.put("OPENAI_API_KEY", "sk-browser-test");
        env.put("OPENAI_WORKFLOW_ID", "wf_browser_test");
        env.put("OPENAI_BASE_URL", upstream.url("/v1").toString());
        env.put("CHATKIT_BACKEND", "hosted");
        env.put("ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("INTERVIEW_LOG_DIR", logDir.toString());
        env.put("RATE_LIMIT_SESSION_PER_MIN", "0");
        env.put("RATE_LIMIT_FEEDBACK_PER_MIN", "0");
        env.put("RATE_LIMIT_CLASSIFY_PER_MIN", "0");
        server = InterviewServer.createServer(0, InterviewApiOptions.from(env::get));
        server.start();
        // A second server that is the ChatKit backend itself (own protocol endpoint, Responses API upstream).
        Map<String, String> serverEnv = new HashMap<>(env);
        serverEnv.remove("OPENAI_WORKFLOW_ID");
        serverEnv.put("CHATKIT_BACKEND", "server");
        serverEnv.put("OPENAI_VECTOR_STORE_ID", "vs_browser_test");
        serverEnv.put("INTERVIEW_LOG_DIR", Files.createDirectories(logDir.resolve("server-backend")).toString());
        serverBackend = InterviewServer.createServer(0, InterviewApiOptions.from(serverEnv::get));
        serverBackend.start();
        // A third one with no OpenAI settings at all: the page must say what is missing.
        Map<String, String> bareEnv = Map.of("INTERVIEW_STORE", "memory", "ADMIN_TOKEN", ADMIN_TOKEN);
        unconfigured = InterviewServer.createServer(0, InterviewApiOptions.from(bareEnv::get));
        unconfigured.start();

        Path script = FRONTEND.resolve("e2e/browser-tests.mjs");
        assertThat(FRONTEND.resolve("node_modules/playwright-core"))
                .withFailMessage("playwright-core is missing in %s/node_modules: build frontend-assets first "
                        + "(./mvnw -B verify from the repository root runs it)", FRONTEND)
                .exists();
        ProcessBuilder pb = new ProcessBuilder("node", script.toString()).directory(FRONTEND.toFile())
                .redirectErrorStream(true);
        pb.environment().put("BASE_URL", "http://127.0.0.1:" + InterviewServer.port(server));
        pb.environment().put("ADMIN_TOKEN", ADMIN_TOKEN);
        pb.environment().put("CONTROL_URL", upstream.url("/__control").toString().replaceAll("/$", ""));
        pb.environment().put("SHOT_DIR", Path.of("target", "browser-screenshots").toAbsolutePath().toString());
        pb.environment().put("QUESTION", question);
        pb.environment().put("SERVER_BACKEND_URL", "http://127.0.0.1:" + InterviewServer.port(serverBackend));
        pb.environment().put("SERVER_ANSWER", OpenAiStandIn.OUT_OF_SCOPE_REPLY);
        pb.environment().put("UNCONFIGURED_URL", "http://127.0.0.1:" + InterviewServer.port(unconfigured));
        Process process = pb.start();
        StringBuilder out = new StringBuilder();
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
        exitCode = process.exitValue();
        output = out.toString();
        outcomes.forEach((name, result) -> {
            if (!result.equals("ok")) {
                failures.add(name);
            }
        });
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
        for (Server s : new Server[] {serverBackend, unconfigured}) {
            if (s != null) {
                s.stop();
            }
        }
        upstream.close();
    }

    @Test
    void browserScriptRanEveryScenarioAndPassed() {
        assertThat(outcomes).withFailMessage("no scenario ran; output:%n%s", output).hasSizeGreaterThanOrEqualTo(9);
        assertThat(exitCode).withFailMessage("browser script failed (%s); output:%n%s", failures, output).isZero();
    }

    @TestFactory
    Stream<DynamicTest> eachBrowserScenario() {
        return outcomes.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () ->
                assertThat(e.getValue()).withFailMessage("%s failed; output:%n%s", e.getKey(), output).isEqualTo("ok")));
    }

    @Test
    void theFeedbackClickReachedTheFeedbackLog() throws IOException {
        assertThat(Files.readString(logDir.resolve("feedback.jsonl"))).contains(question).contains("out_of_scope");
    }

    @Test
    void ourServerMintedTheSecretsUpstreamForOneUserAndTheFailureWasAWrongKey() {
        assertThat(openAi.sessionBodies).hasSizeGreaterThanOrEqualTo(3);
        assertThat(openAi.sessionBodies).allSatisfy(body ->
                assertThat(body.path("workflow").path("id").asText()).isEqualTo("wf_browser_test"));
    }

    @Test
    void theServerBackendRanTheAgentUpstreamAndLoggedTheOutOfScopeAnswer() throws IOException {
        assertThat(openAi.responsesCalls.get()).isPositive();
        assertThat(Files.readString(logDir.resolve("server-backend").resolve("chat.jsonl")))
                .contains("response.classified").contains("\"out_of_scope\":true");
    }

    @Test
    void classifyAfterAResponseReadTheThreadUpstreamAndLoggedIt() throws IOException {
        assertThat(openAi.threadReads).containsKey("cthr_browser_classify");
        assertThat(Files.readString(logDir.resolve("chat.jsonl"))).contains("response.classified");
    }
}

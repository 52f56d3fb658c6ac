package com.landki.interview.example.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.landki.interview.example.InterviewServer;
import com.landki.interview.servlet.InterviewApiOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * ({@link BrowserScript}); this test starts the servers, runs that script once, reports each browser scenario
 * as its own test, and checks what the server stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class BrowserPagesTest {

    private static final String ADMIN_TOKEN = "browser-admin-token";

    @TempDir
    static Path logDir;

    private final OpenAiStandIn openAi = new OpenAiStandIn();
    private final MockWebServer upstream = new MockWebServer();
    // every run has a fresh log directory, so a fixed question is unique there
    private final String question = "Wie wird das Wetter morgen in Berlin?";
    private Server server;
    private Server serverBackend;
    private Server unconfigured;
    private BrowserScript script;

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

        script = BrowserScript.run("browser-tests.mjs", Map.of(
                "BASE_URL", "http://127.0.0.1:" + InterviewServer.port(server),
                "ADMIN_TOKEN", ADMIN_TOKEN,
                "CONTROL_URL", upstream.url("/__control").toString().replaceAll("/$", ""),
                "QUESTION", question,
                "SERVER_BACKEND_URL", "http://127.0.0.1:" + InterviewServer.port(serverBackend),
                "SERVER_ANSWER", OpenAiStandIn.OUT_OF_SCOPE_REPLY,
                "UNCONFIGURED_URL", "http://127.0.0.1:" + InterviewServer.port(unconfigured)));
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
        script.assertAllPassed(10);
    }

    @TestFactory
    Stream<DynamicTest> eachBrowserScenario() {
        return script.scenarios();
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

package com.landki.interview.example.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.landki.interview.chatkit.server.setup.StoreHooks;
import com.landki.interview.example.InterviewServer;
import com.landki.interview.servlet.InterviewApiOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
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
 * The built-in chat in headless Debian Chromium against two real example servers with
 * {@code CHATKIT_BACKEND=server} — one with {@code CHATKIT_UI=builtin}, one with the default {@code auto} —
 * whose only stand-in is the Responses API ({@link OpenAiStandIn}), and a third with the {@code hosted}
 * backend and {@code builtin}, which must explain why that cannot work. No part of the chat is stubbed: the
 * browser side is {@code frontend-assets/e2e/builtin-chat-tests.mjs}; this test checks what the servers stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class BuiltinChatBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path logDir;

    private final OpenAiStandIn openAi = new OpenAiStandIn();
    private final MockWebServer upstream = new MockWebServer();
    private Server builtin;
    private Server auto;
    private Server hosted;
    private BrowserScript script;

    @BeforeAll
    void runBrowserScript() throws Exception {
        upstream.setDispatcher(openAi);
        upstream.start();
        builtin = start("server", "builtin", "builtin");
        auto = start("server", "auto", "auto");
        hosted = start("hosted", "builtin", "hosted");
        script = BrowserScript.run("builtin-chat-tests.mjs", Map.of(
                "BUILTIN_URL", "http://127.0.0.1:" + InterviewServer.port(builtin),
                "AUTO_URL", "http://127.0.0.1:" + InterviewServer.port(auto),
                "HOSTED_BUILTIN_URL", "http://127.0.0.1:" + InterviewServer.port(hosted),
                "ANSWER", OpenAiStandIn.ANSWER_TEXT,
                "SOURCE_FILE", OpenAiStandIn.ANSWER_SOURCE,
                "OUT_OF_SCOPE_ANSWER", OpenAiStandIn.OUT_OF_SCOPE_REPLY,
                "TOOL_OUT_OF_SCOPE_ANSWER", OpenAiStandIn.TOOL_OUT_OF_SCOPE_REPLY,
                "SLOW_START", OpenAiStandIn.SLOW_START));
    }

    private Server start(String backend, String ui, String dir) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("OPENAI_API_KEY", "sk-browser-test");
        env.put("OPENAI_BASE_URL", upstream.url("/v1").toString());
        env.put("CHATKIT_BACKEND", backend);
        if (backend.equals("hosted")) {
            env.put("OPENAI_WORKFLOW_ID", "wf_browser_test");
        }
        env.put("CHATKIT_UI", ui);
        env.put("OPENAI_VECTOR_STORE_ID", "vs_browser_test");
        env.put("INTERVIEW_LOG_DIR", Files.createDirectories(logDir.resolve(dir)).toString());
        env.put("RATE_LIMIT_FEEDBACK_PER_MIN", "0");
        env.put("RATE_LIMIT_CHATKIT_PER_MIN", "0");
        Server server = InterviewServer.createServer(0, InterviewApiOptions.from(env::get));
        server.start();
        return server;
    }

    @AfterAll
    void stop() throws Exception {
        for (Server s : new Server[] {builtin, auto, hosted}) {
            if (s != null) {
                s.stop();
            }
        }
        upstream.close();
    }

    @Test
    void browserScriptRanEveryScenarioAndPassed() {
        script.assertAllPassed(19);
    }

    @TestFactory
    Stream<DynamicTest> eachBrowserScenario() {
        return script.scenarios();
    }

    @Test
    void thumbsDownAndTheOutOfScopeReportsWereStored() throws Exception {
        String feedback = Files.readString(logDir.resolve("builtin").resolve("feedback.jsonl"));
        assertThat(feedback.lines().filter(l -> l.contains("\"category\":\"thumbs_down\""))).isNotEmpty()
                .allSatisfy(l -> assertThat(l).contains(OpenAiStandIn.ANSWER_TEXT));
        List<JsonNode> reports = feedback.lines().map(BuiltinChatBrowserTest::json)
                .filter(entry -> entry.path("category").asText().equals("out_of_scope")).toList();
        // one click on the card after the marker-flagged answer, one (clicked twice) after the tool-flagged one
        assertThat(reports).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.path("comment").asText()).isEqualTo(StoreHooks.OUT_OF_SCOPE_COMMENT);
            assertThat(entry.path("session_id").asText()).startsWith("thr_");
        });
        assertThat(reports).filteredOn(e -> e.path("user_question").asText().contains("Wetter")).singleElement()
                .satisfies(e -> assertThat(e.path("assistant_reply").asText()).isEqualTo(OpenAiStandIn.OUT_OF_SCOPE_REPLY));
        assertThat(reports).filteredOn(e -> e.path("user_question").asText().equals("Wie hoch ist die Zugspitze?"))
                .singleElement().satisfies(e -> assertThat(e.path("assistant_reply").asText())
                        .isEqualTo(OpenAiStandIn.TOOL_OUT_OF_SCOPE_REPLY));
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theUploadedImageAndPdfReachedTheModelAndTheRefusedFilesDidNot() {
        // the image as input_image, the PDF as input_file, both inline; the removed text file and the refused
        // files never; one question with attachments, asked once
        assertThat(openAi.attachmentParts).hasSize(2);
        assertThat(openAi.attachmentParts).filteredOn(p -> p.path("type").asText().equals("input_image")).singleElement()
                .satisfies(p -> assertThat(p.path("image_url").asText()).startsWith("data:image/png;base64,iVBORw0KGgo"));
        assertThat(openAi.attachmentParts).filteredOn(p -> p.path("type").asText().equals("input_file")).singleElement()
                .satisfies(p -> {
                    assertThat(p.path("filename").asText()).isEqualTo("lebenslauf.pdf");
                    assertThat(p.path("file_data").asText()).startsWith("data:application/pdf;base64,JVBERi0");
                });
    }

    @Test
    void theFallbackConversationWasAnsweredAndRatedOnTheAutoServer() throws Exception {
        assertThat(Files.readString(logDir.resolve("auto").resolve("feedback.jsonl"))).contains("\"category\":\"thumbs_up\"");
    }

    @Test
    void stopClosedTheUpstreamModelCall() throws Exception {
        // the page aborts its request; the server notices (heartbeat) and aborts the Responses API call
        assertThat(openAi.slowAnswerAborted.await(60, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void retryAskedTheModelAgainAfterTheFailure() {
        assertThat(openAi.failedQuestions).isNotEmpty();
        assertThat(openAi.responsesCalls.get()).isGreaterThan(openAi.failedQuestions.size());
    }
}

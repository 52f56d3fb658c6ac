package com.landki.interview.servlet.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.landki.interview.servlet.InterviewApiOptions;
import com.landki.interview.servlet.internal.ApiComponents;
import com.landki.interview.servlet.internal.Json;
import com.landki.interview.testing.ServletContainer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every "not configured" message, per backend and mode, as the operator reads it: the 503 bodies of
 * {@code POST /chatkit/session}, {@code POST /chatkit} and {@code POST /classify} by {@code thread_id} from a
 * real Jetty, the {@code setup_message} of {@code GET /config} that the chat page's banner shows, and the
 * start-up warning. Each names the backend that runs and never advises setting what is set.
 */
@Timeout(60)
class SetupMessagesTest {

    private static final String KEY = "OPENAI_API_KEY";
    private static final String WORKFLOW = "OPENAI_WORKFLOW_ID";
    private static final String VECTORS = "OPENAI_VECTOR_STORE_ID";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void hostedConfigured() throws Exception {
        Mode mode = new Mode("hosted", KEY, WORKFLOW);
        try (ServletContainer api = mode.start()) {
            assertThat(mode.chatMissing()).isNull();
            assertThat(setupMessage(api)).as("the page can chat: no banner").isNull();
            assertThat(mode.hostedRetired()).contains("Agent Builder, which ran hosted workflows, shut down on"
                    + " 2026-11-30").endsWith("use the own ChatKit server with CHATKIT_BACKEND=server");
            String chatkit = refusal(api, "/chatkit", "{}");
            assertThat(chatkit).contains("runs the hosted backend (CHATKIT_BACKEND=hosted)")
                    .contains("/interview/api/chatkit/session").contains("with CHATKIT_BACKEND=server");
            mode.advisesOnlyWhatIsUnset(chatkit);
        }
    }

    @Test
    void hostedByAutoConfigured() throws Exception {
        Mode mode = new Mode("auto", KEY, WORKFLOW);
        try (ServletContainer api = mode.start()) {
            assertThat(mode.chatMissing()).isNull();
            assertThat(setupMessage(api)).isNull();
            assertThat(mode.hostedRetired()).contains("shut down on 2026-11-30")
                    .endsWith("CHATKIT_BACKEND=server (or unset OPENAI_WORKFLOW_ID)");
            String chatkit = refusal(api, "/chatkit", "{}");
            assertThat(chatkit).contains("runs the hosted backend (CHATKIT_BACKEND=auto with OPENAI_WORKFLOW_ID)");
            mode.advisesOnlyWhatIsUnset(chatkit);
        }
    }

    @Test
    void hostedUnconfigured() throws Exception {
        Mode mode = new Mode("hosted");
        try (ServletContainer api = mode.start()) {
            String session = refusal(api, "/chatkit/session", "{}");
            assertThat(session).startsWith("chat sessions need OPENAI_API_KEY and OPENAI_WORKFLOW_ID"
                    + " (CHATKIT_BACKEND=hosted)").contains("shut down on 2026-11-30")
                    .endsWith("use the own ChatKit server with CHATKIT_BACKEND=server");
            String chatkit = refusal(api, "/chatkit", "{}");
            assertThat(chatkit).contains("runs the hosted backend (CHATKIT_BACKEND=hosted)");
            String classify = refusal(api, "/classify", "{\"thread_id\":\"cthr_1\"}");
            assertThat(classify).contains("needs OPENAI_API_KEY").contains("user_question and assistant_reply");
            assertThat(mode.chatMissing()).startsWith("chat is NOT configured: the hosted backend"
                    + " (CHATKIT_BACKEND=hosted) needs OPENAI_API_KEY and OPENAI_WORKFLOW_ID")
                    .contains("use the own ChatKit server with CHATKIT_BACKEND=server and OPENAI_API_KEY");
            assertThat(mode.hostedRetired()).as("unconfigured: chatMissing says it").isNull();
            String page = setupMessage(api);
            assertThat(page).startsWith("the hosted backend (CHATKIT_BACKEND=hosted) needs OPENAI_API_KEY and"
                    + " OPENAI_WORKFLOW_ID").endsWith("CHATKIT_BACKEND=server and OPENAI_API_KEY (and"
                    + " OPENAI_VECTOR_STORE_ID for file_search)");
            assertThat(mode.chatMissing()).contains(page);
            mode.advisesOnlyWhatIsUnset(session, chatkit, classify, mode.chatMissing(), page);
        }
    }

    @Test
    void hostedWithAKeyButNoWorkflowAsksForTheWorkflowOnly() throws Exception {
        Mode mode = new Mode("hosted", KEY);
        try (ServletContainer api = mode.start()) {
            String session = refusal(api, "/chatkit/session", "{}");
            assertThat(session).startsWith("chat sessions need OPENAI_WORKFLOW_ID (CHATKIT_BACKEND=hosted)");
            assertThat(mode.chatMissing()).contains("needs OPENAI_WORKFLOW_ID;");
            String page = setupMessage(api);
            assertThat(page).startsWith("the hosted backend (CHATKIT_BACKEND=hosted) needs OPENAI_WORKFLOW_ID;")
                    .endsWith("use the own ChatKit server with CHATKIT_BACKEND=server");
            mode.advisesOnlyWhatIsUnset(session, mode.chatMissing(), page);
        }
    }

    @Test
    void serverConfigured() throws Exception {
        Mode mode = new Mode("server", KEY);
        try (ServletContainer api = mode.start()) {
            assertThat(mode.chatMissing()).isNull();
            // without a vector store it answers without file_search (logged at start), but it chats
            assertThat(setupMessage(api)).isNull();
            String session = refusal(api, "/chatkit/session", "{}");
            // the finding: it said "… or CHATKIT_BACKEND=server" although that was set
            assertThat(session).startsWith("this API runs the own ChatKit server (CHATKIT_BACKEND=server): the page"
                    + " chats through /interview/api/chatkit and needs no session");
            String classify = refusal(api, "/classify", "{\"thread_id\":\"thr_1\"}");
            assertThat(classify).contains("the own ChatKit server (CHATKIT_BACKEND=server) classifies every answer");
            mode.advisesOnlyWhatIsUnset(session, classify);
        }
    }

    @Test
    void serverUnconfigured() throws Exception {
        Mode mode = new Mode("server");
        try (ServletContainer api = mode.start()) {
            String session = refusal(api, "/chatkit/session", "{}");
            assertThat(session).startsWith("this API runs the own ChatKit server (CHATKIT_BACKEND=server)");
            String chatkit = refusal(api, "/chatkit", "{}");
            assertThat(chatkit).startsWith("the own ChatKit server (CHATKIT_BACKEND=server) is not running: it needs"
                    + " OPENAI_API_KEY");
            String classify = refusal(api, "/classify", "{\"thread_id\":\"thr_1\"}");
            assertThat(classify).contains("the own ChatKit server (CHATKIT_BACKEND=server) classifies every answer");
            assertThat(mode.chatMissing()).startsWith("chat is NOT configured: the own ChatKit server"
                    + " (CHATKIT_BACKEND=server) needs OPENAI_API_KEY");
            String page = setupMessage(api);
            assertThat(page).isEqualTo("the own ChatKit server (CHATKIT_BACKEND=server) needs OPENAI_API_KEY (and"
                    + " OPENAI_VECTOR_STORE_ID for file_search)");
            mode.advisesNoHostedWorkflow(session, chatkit, mode.chatMissing(), page);
            assertThat(mode.hostedRetired()).isNull();
            mode.advisesOnlyWhatIsUnset(session, chatkit, classify, mode.chatMissing(), page);
        }
    }

    @Test
    void serverWithAVectorStoreButNoKeyAsksForTheKeyOnly() throws Exception {
        Mode mode = new Mode("server", VECTORS);
        try (ServletContainer api = mode.start()) {
            String page = setupMessage(api);
            assertThat(page).isEqualTo("the own ChatKit server (CHATKIT_BACKEND=server) needs OPENAI_API_KEY");
            String chatkit = refusal(api, "/chatkit", "{}");
            assertThat(chatkit).endsWith("is not running: it needs OPENAI_API_KEY");
            mode.advisesOnlyWhatIsUnset(page, chatkit, mode.chatMissing());
        }
    }

    @Test
    void serverWithKeyAndVectorStoreHasNothingToAdvise() throws Exception {
        Mode mode = new Mode("server", KEY, VECTORS);
        try (ServletContainer api = mode.start()) {
            assertThat(setupMessage(api)).isNull();
            assertThat(mode.chatMissing()).isNull();
            String session = refusal(api, "/chatkit/session", "{}");
            mode.advisesOnlyWhatIsUnset(session);
        }
    }

    @Test
    void hostedWithAVectorStoreSetSendsToTheServerWithTheKeyOnly() throws Exception {
        Mode mode = new Mode("hosted", VECTORS);
        try (ServletContainer api = mode.start()) {
            String page = setupMessage(api);
            assertThat(page).endsWith("use the own ChatKit server with CHATKIT_BACKEND=server and OPENAI_API_KEY");
            mode.advisesOnlyWhatIsUnset(page, mode.chatMissing());
        }
    }

    @Test
    void serverByAutoUnconfiguredSaysWhyAutoChoseIt() throws Exception {
        Mode mode = new Mode("auto");
        try (ServletContainer api = mode.start()) {
            String session = refusal(api, "/chatkit/session", "{}");
            assertThat(session).contains("(CHATKIT_BACKEND=auto without OPENAI_WORKFLOW_ID)")
                    .endsWith("needs no session");
            String chatkit = refusal(api, "/chatkit", "{}");
            assertThat(chatkit).contains("is not running: it needs OPENAI_API_KEY");
            mode.advisesNoHostedWorkflow(session, chatkit, mode.chatMissing());
            assertThat(mode.chatMissing()).contains("the own ChatKit server (CHATKIT_BACKEND=auto without"
                    + " OPENAI_WORKFLOW_ID) needs OPENAI_API_KEY");
            String page = setupMessage(api);
            assertThat(page).isEqualTo("the own ChatKit server (CHATKIT_BACKEND=auto without OPENAI_WORKFLOW_ID)"
                    + " needs OPENAI_API_KEY (and OPENAI_VECTOR_STORE_ID for file_search)");
            mode.advisesNoHostedWorkflow(page);
            mode.advisesOnlyWhatIsUnset(session, chatkit, mode.chatMissing(), page);
        }
    }

    /** The 503 {@code not_configured} message of {@code POST <api><path>}. */
    private String refusal(ServletContainer api, String path, String body) throws Exception {
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(api.base() + "/interview/api" + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).as(path + ": " + res.body()).isEqualTo(503);
        JsonNode error = Json.MAPPER.readTree(res.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("not_configured");
        return error.path("message").asText();
    }

    /** The {@code setup_message} of {@code GET <api>/config}: {@code null} when the page can chat. */
    private String setupMessage(ServletContainer api) throws Exception {
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(api.base() + "/interview/api/config"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).isEqualTo(200);
        JsonNode body = Json.MAPPER.readTree(res.body());
        assertThat(body.has("setup_message")).as("setup_message is always sent: %s", res.body()).isTrue();
        JsonNode message = body.path("setup_message");
        assertThat(message.isNull()).isEqualTo(body.path("chatkit_configured").asBoolean());
        return message.isNull() ? null : message.asText();
    }

    /** A configuration: {@code CHATKIT_BACKEND} and which OpenAI settings are set. */
    private static final class Mode {

        private final String backend;
        private final List<String> set;
        private final Map<String, String> env = new HashMap<>();

        Mode(String backend, String... set) {
            this.backend = backend;
            this.set = List.of(set);
            env.put("INTERVIEW_STORE", "memory");
            env.put("CHATKIT_BACKEND", backend);
            // never called: no test here reaches OpenAI
            env.put("OPENAI_BASE_URL", "http://127.0.0.1:9/v1");
            for (String name : set) {
                env.put(name, name.equals(KEY) ? "sk-test" : name.equals(VECTORS) ? "vs_test" : "wf_test");
            }
        }

        InterviewApiOptions options() {
            return InterviewApiOptions.from(env::get);
        }

        ServletContainer start() throws Exception {
            return MountedApi.start(ServletContainer.Kind.JETTY, options());
        }

        /** The start-up warning of this configuration (logged when the API is mounted). */
        String chatMissing() {
            try (ApiComponents parts = ApiComponents.open(options())) {
                return parts.setup().chatMissing();
            }
        }

        /** The warning about the retired hosted backend, logged when the API is mounted. */
        String hostedRetired() {
            try (ApiComponents parts = ApiComponents.open(options())) {
                return parts.setup().hostedRetired();
            }
        }

        /** Agent Builder shut down: no message sends the operator to a hosted workflow. */
        void advisesNoHostedWorkflow(String... messages) {
            for (String message : messages) {
                assertThat(message).doesNotContain("CHATKIT_BACKEND=hosted").doesNotContain("need " + WORKFLOW)
                        .doesNotContain("set " + WORKFLOW).doesNotContain("and " + WORKFLOW)
                        .doesNotContain("hosted workflow");
            }
        }

        /** No message asks for a setting that is set, nor for the backend that already runs. */
        void advisesOnlyWhatIsUnset(String... messages) {
            for (String message : messages) {
                for (String name : set) {
                    assertThat(message).as("a message with %s set", name)
                            .doesNotContain("need " + name).doesNotContain("needs " + name)
                            .doesNotContain("set " + name).doesNotContain("and " + name);
                }
                if (!backend.equals("auto")) {
                    assertThat(message).as("CHATKIT_BACKEND=%s is set", backend)
                            .doesNotContain("with CHATKIT_BACKEND=" + backend)
                            .doesNotContain("set CHATKIT_BACKEND=" + backend)
                            .doesNotContain("or CHATKIT_BACKEND=" + backend);
                }
            }
        }
    }
}

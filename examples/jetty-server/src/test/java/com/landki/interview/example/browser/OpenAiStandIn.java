package com.landki.interview.example.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.landki.interview.testing.ResponsesStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * The OpenAI ChatKit API as the browser tests need it, behind mockwebserver3: {@code POST /v1/chatkit/sessions}
 * mints numbered client secrets for the user our server sends; {@code GET /v1/chatkit/threads/{id}} and
 * {@code …/items} describe a thread of that user whose answer is an out-of-scope reply; and
 * {@code POST /__control/fail-sessions} ({@code true}/{@code false}) lets the browser script make session
 * creation fail with 401, as a wrong API key does; {@code POST /v1/responses} (the {@code server} backend's
 * agent) streams by the newest user message: "Wetter" → {@link #OUT_OF_SCOPE_REPLY}; "langsam" →
 * {@link #SLOW_START}, then only keep-alive comments until the call is closed ({@link #slowAnswerAborted});
 * "Fehler" → an upstream error the first time, the answer on the retry; "Zugspitze" → a call of the agent's
 * {@code report_out_of_scope} tool, and the follow-up request that carries its output (and names the
 * {@code previous_response_id}) → {@link #TOOL_OUT_OF_SCOPE_REPLY}; anything else → {@link #ANSWER_TEXT}
 * citing {@link #ANSWER_SOURCE}. Thread-safe (mockwebserver dispatches concurrently).
 */
final class OpenAiStandIn extends Dispatcher {

    static final String QUESTION_FOR_CLASSIFY = "Wie hoch ist der Eiffelturm?";
    static final String OUT_OF_SCOPE_REPLY = "Dazu liegen mir leider keine Informationen vor.";
    static final String ANSWER_TEXT = "Die Interviews handeln von **Arbeit** und Zukunft.";
    static final String ANSWER_SOURCE = "leitfaden.pdf";
    static final String SLOW_START = "Die Antwort beginnt";
    static final String TOOL_OUT_OF_SCOPE_REPLY = "Die Höhe von Bergen steht nicht in den Interview-Dokumenten.";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicBoolean failSessions = new AtomicBoolean();
    private final AtomicInteger sessions = new AtomicInteger();
    private final AtomicReference<String> lastUser = new AtomicReference<>("unknown");
    final List<JsonNode> sessionBodies = new CopyOnWriteArrayList<>();
    final Map<String, Integer> threadReads = new ConcurrentHashMap<>();
    final AtomicInteger responsesCalls = new AtomicInteger();
    final Set<String> failedQuestions = ConcurrentHashMap.newKeySet();
    final CountDownLatch slowAnswerAborted = new CountDownLatch(1);
    /** The content parts of every user message that carried attachments ({@code input_image}, {@code input_file}). */
    final List<JsonNode> attachmentParts = new CopyOnWriteArrayList<>();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String method = request.getMethod();
        try {
            if (path.equals("/__control/fail-sessions") && method.equals("POST")) {
                failSessions.set(Boolean.parseBoolean(body(request).trim()));
                return json(200, "{\"fail_sessions\":" + failSessions.get() + "}");
            }
            if (path.equals("/v1/chatkit/sessions") && method.equals("POST")) {
                return session(request);
            }
            if (path.equals("/v1/responses") && method.equals("POST")) {
                responsesCalls.incrementAndGet();
                JsonNode responses = JSON.readTree(body(request));
                recordAttachments(responses);
                if (responses.hasNonNull("previous_response_id") && hasToolOutput(responses)) {
                    return ResponsesStream.create("resp_tool_reply").message("msg_tool_reply", TOOL_OUT_OF_SCOPE_REPLY)
                            .messageDone("msg_tool_reply", TOOL_OUT_OF_SCOPE_REPLY).completed("resp_tool_reply").response();
                }
                return answerStream(lastUserMessage(responses));
            }
            if (path.startsWith("/v1/chatkit/threads/") && method.equals("GET")) {
                return thread(path.substring("/v1/chatkit/threads/".length()));
            }
        } catch (IOException e) {
            return json(400, "{\"error\":{\"message\":\"" + e.getMessage() + "\",\"type\":\"invalid_request_error\"}}");
        }
        return json(404, "{\"error\":{\"message\":\"stand-in has no " + method + " " + path + "\",\"type\":\"not_found\"}}");
    }

    private MockResponse session(RecordedRequest request) throws IOException {
        JsonNode body = JSON.readTree(body(request));
        sessionBodies.add(body);
        if (failSessions.get()) {
            return json(401, "{\"error\":{\"message\":\"Incorrect API key provided.\",\"type\":\"invalid_request_error\","
                    + "\"code\":\"invalid_api_key\"}}");
        }
        String user = body.path("user").asText("unknown");
        lastUser.set(user);
        int n = sessions.incrementAndGet();
        ObjectNode session = JSON.createObjectNode()
                .put("id", "cksess_browser_" + n)
                .put("object", "chatkit.session")
                .put("client_secret", "ek_browser_" + n)
                .put("expires_at", System.currentTimeMillis() / 1000 + 600)
                .put("user", user)
                .put("status", "active");
        session.putObject("workflow").put("id", body.path("workflow").path("id").asText());
        return json(200, session.toString());
    }

    private MockResponse thread(String rest) {
        boolean items = rest.endsWith("/items");
        String threadId = items ? rest.substring(0, rest.length() - "/items".length()) : rest;
        threadReads.merge(threadId, 1, Integer::sum);
        long now = System.currentTimeMillis() / 1000;
        if (!items) {
            ObjectNode thread = JSON.createObjectNode()
                    .put("id", threadId)
                    .put("object", "chatkit.thread")
                    .put("created_at", now)
                    .put("user", lastUser.get());
            thread.putNull("title");
            thread.putObject("status").put("type", "active");
            return json(200, thread.toString());
        }
        ObjectNode list = JSON.createObjectNode().put("object", "list").put("has_more", false);
        ArrayNode data = list.putArray("data");
        ObjectNode question = data.addObject()
                .put("id", "cthi_q").put("object", "chatkit.thread_item").put("type", "chatkit.user_message")
                .put("thread_id", threadId).put("created_at", now);
        question.putArray("content").addObject().put("type", "input_text").put("text", QUESTION_FOR_CLASSIFY);
        question.putArray("attachments");
        ObjectNode answer = data.addObject()
                .put("id", "cthi_a").put("object", "chatkit.thread_item").put("type", "chatkit.assistant_message")
                .put("thread_id", threadId).put("created_at", now);
        ObjectNode text = answer.putArray("content").addObject().put("type", "output_text").put("text", OUT_OF_SCOPE_REPLY);
        text.putArray("annotations");
        list.put("first_id", "cthi_q").put("last_id", "cthi_a");
        return json(200, list.toString());
    }

    /** The answer to the newest user message (see the class comment). */
    private MockResponse answerStream(String question) {
        if (question.contains("Wetter")) {
            String item = "msg_browser";
            int half = OUT_OF_SCOPE_REPLY.length() / 2;
            return ResponsesStream.create("resp_browser").start(item)
                    .delta(item, OUT_OF_SCOPE_REPLY.substring(0, half)).delta(item, OUT_OF_SCOPE_REPLY.substring(half))
                    .messageDone(item, OUT_OF_SCOPE_REPLY).completed("resp_browser").response();
        }
        if (question.contains("Zugspitze")) {
            return ResponsesStream.create("resp_tool").functionCall("fc_browser", "call_browser", "report_out_of_scope",
                    "{\"out_of_scope\":true,\"reason\":\"Frage nach einem Berg\"}").completed("resp_tool").response();
        }
        if (question.contains("langsam")) {
            return ResponsesStream.create("resp_slow").message("msg_slow", SLOW_START).hanging(slowAnswerAborted);
        }
        if (question.contains("Fehler") && failedQuestions.add(question)) {
            return ResponsesStream.create("resp_fail").error("server_error", "The stand-in fails once on purpose.").response();
        }
        return ResponsesStream.answer("resp_answer", ANSWER_TEXT).response();
    }

    /** Whether a Responses API request carries a {@code function_call_output} (the tool's answer). */
    private static boolean hasToolOutput(JsonNode request) {
        for (JsonNode input : request.path("input")) {
            if ("function_call_output".equals(input.path("type").asText())) {
                return true;
            }
        }
        return false;
    }

    private void recordAttachments(JsonNode request) {
        for (JsonNode input : request.path("input")) {
            for (JsonNode part : input.path("content")) {
                String type = part.path("type").asText();
                if (type.equals("input_image") || type.equals("input_file")) {
                    attachmentParts.add(part);
                }
            }
        }
    }

    /** The text of the last {@code role: user} input of a Responses API request. */
    private static String lastUserMessage(JsonNode request) {
        String last = "";
        for (JsonNode input : request.path("input")) {
            if ("user".equals(input.path("role").asText())) {
                JsonNode content = input.path("content");
                last = content.isTextual() ? content.asText() : content.toString();
            }
        }
        return last;
    }

    private static String body(RecordedRequest request) {
        return request.getBody() == null ? "" : request.getBody().utf8();
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .addHeader("x-request-id", "req_browser").body(body).build();
    }
}

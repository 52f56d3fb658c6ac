package com.landki.interview.chatkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.landki.interview.chatkit.server.responder.ChatKitResponder;
import com.landki.interview.chatkit.server.responder.ResponseTurn;
import com.landki.interview.chatkit.server.store.AttachmentStore;
import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.chatkit.server.types.Annotation;
import com.landki.interview.chatkit.server.types.AssistantContent;
import com.landki.interview.chatkit.server.types.AssistantMessageItem;
import com.landki.interview.chatkit.server.types.ClientToolCallItem;
import com.landki.interview.chatkit.server.types.RequestContext;
import com.landki.interview.chatkit.server.types.StructuredInputItem;
import com.landki.interview.chatkit.server.types.ThreadItem;
import com.landki.interview.chatkit.server.types.ThreadItemUpdate;
import com.landki.interview.chatkit.server.types.ThreadStreamEvent;
import com.landki.interview.chatkit.server.types.TranscriptionResult;
import com.landki.interview.chatkit.server.types.WorkflowItem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One conversation that sends every request type chatkit-python's {@code ChatKitServer} handles and that we
 * answer (see docs/chatkit-server.md, "Differences from chatkit-python", for the one we refuse) and records each
 * answer: every stream event and every JSON answer, with the chatkit-python type it must validate as. Ids and
 * times are replaced by stable stand-ins (in order of first appearance) so that the transcript is the same on
 * every run and every store.
 */
final class ConformanceScenario {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final RequestContext ALICE = new RequestContext("user-alice",
            Map.of(RequestContext.ENDPOINT_URL, "https://chat.example/interview/api/chatkit"));
    /** Every generated id, also inside a URL: a known prefix, an underscore, the random part. */
    private static final Pattern ID = Pattern.compile("\\b(thr|msg|cti|wf|wgt|shcx|si|att)_[A-Za-z0-9]+");
    /** The eight bytes a PNG starts with, and an IHDR header: enough for the content check. */
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D',
        'R'};
    /** What every {@code created_at} becomes (a valid datetime, as pydantic wants one). */
    static final String TIME = "2026-12-04T00:00:00Z";

    private final ChatKitServer server;
    private final ArrayNode transcript = MAPPER.createArrayNode();
    private final Map<String, String> ids = new HashMap<>();

    ConformanceScenario(ThreadStore store) {
        this.server = ChatKitServer.builder().store(store).responder(new Responder()).feedbackListener(f -> { })
                .attachments(AttachmentStore.inMemory(), AttachmentOptions.defaults())
                .dictation((audio, context) -> new TranscriptionResult("Diktierter Text"), DictationOptions.defaults())
                .build();
    }

    /** Runs the conversation and returns the normalized transcript. */
    ArrayNode run() {
        List<JsonNode> created = stream("threads.create", "{\"type\":\"threads.create\",\"params\":{\"input\":"
                + input("Was sagt der Leitfaden?") + "}}");
        String threadId = created.get(0).get("thread").get("id").asText();
        String questionId = created.get(1).get("item").get("id").asText();
        String answerId = lastItemOfType(created, ThreadItem.ASSISTANT_MESSAGE);
        String thread = "\"thread_id\":\"" + threadId + "\"";

        json("threads.get_by_id", "Thread", "{\"type\":\"threads.get_by_id\",\"params\":{" + thread + "}}");
        json("threads.list", "Page[Thread]", "{\"type\":\"threads.list\",\"params\":{\"limit\":5,\"order\":\"desc\"}}");
        json("items.list", "Page[ThreadItem]", "{\"type\":\"items.list\",\"params\":{" + thread
                + ",\"limit\":1,\"order\":\"asc\"}}");
        json("threads.update", "Thread", "{\"type\":\"threads.update\",\"params\":{" + thread
                + ",\"title\":\"Leitfaden\"}}");
        json("items.feedback", "{}", "{\"type\":\"items.feedback\",\"params\":{" + thread + ",\"item_ids\":[\""
                + answerId + "\"],\"kind\":\"positive\"}}");

        stream("threads.add_user_message", "{\"type\":\"threads.add_user_message\",\"params\":{" + thread
                + ",\"input\":" + input(Responder.ASK) + "}}");
        stream("threads.add_structured_input", "{\"type\":\"threads.add_structured_input\",\"params\":{" + thread
                + ",\"item_id\":\"si_1\",\"input\":{\"status\":\"answered\",\"answers\":{\"subject\":{\"values\":"
                + "[\"Mathe\"]}}}}}");
        stream("threads.add_user_message", "{\"type\":\"threads.add_user_message\",\"params\":{" + thread
                + ",\"input\":" + input(Responder.TOOL) + "}}");
        stream("threads.add_client_tool_output", "{\"type\":\"threads.add_client_tool_output\",\"params\":{" + thread
                + ",\"result\":{\"ok\":true}}}");
        stream("threads.retry_after_item", "{\"type\":\"threads.retry_after_item\",\"params\":{" + thread
                + ",\"item_id\":\"" + questionId + "\"}}");
        stream("threads.custom_action", "{\"type\":\"threads.custom_action\",\"params\":{" + thread
                + ",\"item_id\":null,\"action\":{\"type\":\"noop\",\"payload\":{}}}}");
        String newAnswer = store().listItems(ALICE.userId(), threadId, 1, null, ThreadStore.DESC).data().get(0).id();
        stream("threads.custom_action", "{\"type\":\"threads.custom_action\",\"params\":{" + thread
                + ",\"item_id\":\"" + newAnswer + "\",\"action\":{\"type\":\"noop\"}}}");
        JsonNode attachment = json("attachments.create", "Attachment", "{\"type\":\"attachments.create\",\"params\":"
                + "{\"name\":\"foto.png\",\"size\":16,\"mime_type\":\"image/png\"}}");
        String attachmentId = attachment.get("id").asText();
        server.uploadAttachment(ALICE, attachmentId, PNG);
        stream("threads.add_user_message", "{\"type\":\"threads.add_user_message\",\"params\":{" + thread
                + ",\"input\":{\"content\":[{\"type\":\"input_text\",\"text\":\"Und das Bild?\"}],"
                + "\"attachments\":[\"" + attachmentId + "\"],\"quoted_text\":\"Laut Leitfaden\","
                + "\"inference_options\":{\"model\":\"gpt-test\"}}}}");
        JsonNode spare = json("attachments.create", "Attachment", "{\"type\":\"attachments.create\",\"params\":"
                + "{\"name\":\"lebenslauf.pdf\",\"size\":100,\"mime_type\":\"application/pdf\"}}");
        json("attachments.delete", "{}", "{\"type\":\"attachments.delete\",\"params\":{\"attachment_id\":\""
                + spare.get("id").asText() + "\"}}");
        json("input.transcribe", "TranscriptionResult", "{\"type\":\"input.transcribe\",\"params\":{\"audio_base64\":\""
                + java.util.Base64.getEncoder().encodeToString(new byte[] {0x1a, 0x45, (byte) 0xdf, (byte) 0xa3})
                + "\",\"mime_type\":\"audio/webm;codecs=opus\"}}");
        json("items.list", "Page[ThreadItem]", "{\"type\":\"items.list\",\"params\":{" + thread + ",\"limit\":20}}");
        json("threads.delete", "{}", "{\"type\":\"threads.delete\",\"params\":{" + thread + "}}");
        return transcript;
    }

    private ThreadStore store() {
        return server.store();
    }

    private static String input(String text) {
        return "{\"content\":[{\"type\":\"input_text\",\"text\":\"" + text + "\"}],\"attachments\":[],"
                + "\"inference_options\":{}}";
    }

    private static String lastItemOfType(List<JsonNode> events, String type) {
        String id = null;
        for (JsonNode event : events) {
            if (event.path("item").path("type").asText().equals(type)) {
                id = event.get("item").get("id").asText();
            }
        }
        return id;
    }

    private List<JsonNode> stream(String step, String request) {
        ChatKitResult result = server.process(request.getBytes(StandardCharsets.UTF_8), ALICE);
        if (!result.isStreaming()) {
            throw new AssertionError(step + " did not stream");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        result.writeTo(out);
        List<JsonNode> events = Sse.events(out.toByteArray());
        for (JsonNode event : events) {
            record(step, "ThreadStreamEvent", event);
        }
        return events;
    }

    private JsonNode json(String step, String model, String request) {
        ChatKitResult result = server.process(request.getBytes(StandardCharsets.UTF_8), ALICE);
        try {
            JsonNode answer = MAPPER.readTree(result.json());
            record(step, model, answer);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void record(String step, String model, JsonNode value) {
        ObjectNode entry = transcript.addObject();
        entry.put("step", step);
        entry.put("model", model);
        entry.set("value", normalize(value.deepCopy()));
    }

    private JsonNode normalize(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<String> names = new ArrayList<>();
            fields.forEachRemaining(f -> names.add(f.getKey()));
            for (String name : names) {
                JsonNode child = object.get(name);
                object.set(name, name.equals("created_at") && child.isTextual() ? TextNode.valueOf(TIME)
                        : normalize(child));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, normalize(array.get(i)));
            }
            return array;
        }
        if (node.isTextual()) {
            return TextNode.valueOf(ID.matcher(node.asText()).replaceAll(m -> ids.computeIfAbsent(m.group(),
                    id -> m.group(1) + "_" + (ids.size() + 1))));
        }
        return node;
    }

    /**
     * Answers by the question: a message with a reasoning workflow, a progress line, a citation and a notice; a
     * structured input for {@link #ASK}; a client tool call for {@link #TOOL}; after a tool output or structured
     * answers a short message.
     */
    private static final class Responder implements ChatKitResponder {
        static final String ASK = "Frag mich etwas";
        static final String TOOL = "Nutze das Werkzeug";

        @Override
        public void respond(ResponseTurn turn) {
            String threadId = turn.thread().id();
            String text = turn.input() == null ? null : turn.input().text();
            if (ASK.equals(text)) {
                turn.emit(new ThreadStreamEvent.ThreadItemDone(new StructuredInputItem("si_1", threadId, turn.now(),
                        null, List.of(StructuredInputItem.Input.multipleChoice("subject", "Welches Fach?",
                                List.of("Mathe", "Physik"), false),
                        StructuredInputItem.Input.freeform("details", "Noch etwas?", "optional")))));
                return;
            }
            if (TOOL.equals(text)) {
                turn.emit(new ThreadStreamEvent.ThreadItemDone(new ClientToolCallItem(turn.newItemId("cti"), threadId,
                        turn.now(), null, "call_1", "get_selection", Map.of("scope", "page"), null)));
                return;
            }
            if (text != null) {
                WorkflowItem workflow = new WorkflowItem(turn.newItemId("wf"), threadId, turn.now(),
                        new WorkflowItem.Workflow(WorkflowItem.REASONING, List.of(), null, true));
                turn.emit(new ThreadStreamEvent.ThreadItemAdded(workflow));
                WorkflowItem.Task thought = WorkflowItem.Task.thought("Ich suche im Leitfaden.");
                turn.emit(new ThreadStreamEvent.ThreadItemUpdated(workflow.id(),
                        new ThreadItemUpdate.WorkflowTaskAdded(0, thought)));
                turn.emit(new ThreadStreamEvent.ThreadItemUpdated(workflow.id(),
                        new ThreadItemUpdate.WorkflowTaskUpdated(0, thought)));
                turn.emit(new ThreadStreamEvent.ThreadItemDone(workflow.withWorkflow(new WorkflowItem.Workflow(
                        WorkflowItem.REASONING, List.of(thought), WorkflowItem.Summary.duration(2), false))));
                turn.emit(new ThreadStreamEvent.ProgressUpdate(null, "Durchsuche die Dokumente …"));
            }
            message(turn, text == null ? "Danke, weiter geht's." : "Laut Leitfaden ja.", text != null);
            if (text != null) {
                turn.emit(new ThreadStreamEvent.Notice("info", "Beispielhinweis", "Hinweis"));
            }
        }

        private static void message(ResponseTurn turn, String text, boolean cite) {
            String id = turn.newItemId("msg");
            AssistantMessageItem item = new AssistantMessageItem(id, turn.thread().id(), turn.now(), List.of());
            turn.emit(new ThreadStreamEvent.ThreadItemAdded(item));
            turn.emit(new ThreadStreamEvent.ThreadItemUpdated(id,
                    new ThreadItemUpdate.ContentPartAdded(0, AssistantContent.of("", List.of()))));
            turn.emit(new ThreadStreamEvent.ThreadItemUpdated(id, new ThreadItemUpdate.TextDelta(0, text)));
            List<Annotation> annotations = List.of();
            if (cite) {
                Annotation citation = Annotation.of(Annotation.Source.file("leitfaden.pdf"), text.length());
                turn.emit(new ThreadStreamEvent.ThreadItemUpdated(id,
                        new ThreadItemUpdate.AnnotationAdded(0, 0, citation)));
                annotations = List.of(citation);
            }
            AssistantContent done = AssistantContent.of(text, annotations);
            turn.emit(new ThreadStreamEvent.ThreadItemUpdated(id, new ThreadItemUpdate.ContentPartDone(0, done)));
            turn.emit(new ThreadStreamEvent.ThreadItemDone(item.withContent(List.of(done))));
        }
    }
}

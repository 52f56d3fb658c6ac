package com.landki.interview.chatkit.server.agent.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.landki.interview.chatkit.server.responder.ResponseTurn;
import com.landki.interview.chatkit.server.responder.StreamException;
import com.landki.interview.chatkit.server.types.Annotation;
import com.landki.interview.chatkit.server.types.AssistantContent;
import com.landki.interview.chatkit.server.types.AssistantMessageItem;
import com.landki.interview.chatkit.server.types.ThreadItemUpdate;
import com.landki.interview.chatkit.server.types.ThreadStreamEvent;
import com.landki.interview.chatkit.server.types.WorkflowItem;
import com.landki.interview.config.Redactor;
import com.landki.interview.internal.JsonMappers;
import com.landki.interview.openai.ServerSentEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the events of one Responses API stream into ChatKit thread stream events on a turn: each output
 * message becomes an assistant message (added, content part added, text deltas, annotations, part done, item
 * done), file and URL citations become annotations, a file search becomes one progress line, and function
 * calls are collected for the agent. Confined to the turn's thread.
 */
public final class ResponseStreamMapper {

    private static final ObjectMapper MAPPER = JsonMappers.json();

    /** A function call the model made: its call id, name and raw JSON arguments. */
    public record FunctionCall(String callId, String name, String arguments) {
    }

    private final ResponseTurn turn;
    private final String searchingText;
    private final AnswerLimit limit;
    private final Map<String, Message> messages = new LinkedHashMap<>();
    private final Map<String, FunctionCall> calls = new LinkedHashMap<>();
    private final List<WorkflowItem.Task> thoughts = new ArrayList<>();
    private final Map<String, Integer> thoughtIndex = new LinkedHashMap<>();
    private WorkflowItem workflow;
    private String responseId;
    private boolean completed;
    /** {@code incomplete_details.reason} of a {@code response.incomplete} ("" when it names none), else null. */
    private String incompleteReason;
    private boolean searchAnnounced;

    /** @param limit the turn's answer limit, shared by the mappers of all its responses */
    public ResponseStreamMapper(ResponseTurn turn, String searchingText, AnswerLimit limit) {
        this.turn = turn;
        this.searchingText = searchingText;
        this.limit = limit;
    }

    /** One assistant message in progress: our item and its parts keyed by upstream content index. */
    private static final class Message {
        final AssistantMessageItem item;
        final Map<Integer, Integer> partIndex = new LinkedHashMap<>();
        final List<StringBuilder> texts = new ArrayList<>();
        final List<List<Annotation>> annotations = new ArrayList<>();
        final List<Boolean> partDone = new ArrayList<>();
        boolean done;

        Message(AssistantMessageItem item) {
            this.item = item;
        }

        AssistantContent content(int index) {
            return AssistantContent.of(texts.get(index).toString(), annotations.get(index));
        }

        List<AssistantContent> contents() {
            List<AssistantContent> all = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                all.add(content(i));
            }
            return all;
        }
    }

    public void accept(ServerSentEvent raw) {
        JsonNode event;
        try {
            event = MAPPER.readTree(raw.data());
        } catch (IOException e) {
            throw StreamException.streamError(true, "the Responses stream sent an event that is not JSON", e);
        }
        String type = event.path("type").asText(raw.event() == null ? "" : raw.event());
        switch (type) {
            case "response.created", "response.in_progress" -> captureId(event.path("response"));
            case "response.output_text.delta", "response.refusal.delta" -> delta(event);
            case "response.refusal.done" -> partDone(event.path("item_id").asText(), event.path("content_index").asInt(),
                    event.path("refusal").isTextual() ? event.get("refusal").asText() : null);
            case "response.reasoning_summary_text.delta" -> thought(event, event.path("delta").asText(""), false);
            case "response.reasoning_summary_text.done" -> thought(event, event.path("text").asText(""), true);
            case "response.output_text.annotation.added" -> annotation(event);
            case "response.output_text.done" -> partDone(event.path("item_id").asText(), event.path("content_index").asInt(),
                    event.path("text").isTextual() ? event.get("text").asText() : null);
            case "response.output_item.added" -> itemAdded(event.path("item"));
            case "response.output_item.done" -> itemDone(event.path("item"));
            case "response.function_call_arguments.done" -> argumentsDone(event);
            case "response.file_search_call.in_progress", "response.file_search_call.searching" -> announceSearch();
            case "response.completed" -> {
                captureId(event.path("response"));
                completed = true;
            }
            case "response.incomplete" -> {
                captureId(event.path("response"));
                completed = true;
                incompleteReason = event.path("response").path("incomplete_details").path("reason").asText("");
            }
            case "response.failed" -> throw failure(event.path("response").path("error"), "the response failed");
            case "error" -> throw failure(event.has("error") ? event.get("error") : event, "the Responses stream reported an error");
            default -> {
                // other events (content_part.added, reasoning text without summary, …) carry nothing the page shows
            }
        }
    }

    /**
     * Completes messages the stream left open (e.g. after {@code response.incomplete}); a response the model did
     * not finish is then said to the user as a {@code notice}, so a cut answer is not taken for a whole one.
     */
    public void finish() {
        endWorkflow();
        for (Message message : messages.values()) {
            if (!message.done) {
                for (int i = 0; i < message.texts.size(); i++) {
                    finishPart(message, i, null);
                }
                finishMessage(message);
            }
        }
        if (incompleteReason != null) {
            turn.emit(new ThreadStreamEvent.Notice("warning", incompleteNotice(incompleteReason), null));
        }
    }

    /** The notice for a {@code response.incomplete} by its {@code incomplete_details.reason}. */
    static String incompleteNotice(String reason) {
        return switch (reason) {
            case "max_output_tokens" -> "Die Antwort wurde an der Längengrenze abgeschnitten und ist unvollständig.";
            case "content_filter" -> "Die Antwort wurde vom Inhaltsfilter abgebrochen und ist unvollständig.";
            default -> "Die Antwort ist unvollständig.";
        };
    }

    public boolean completed() {
        return completed;
    }

    public String responseId() {
        return responseId;
    }

    public List<FunctionCall> functionCalls() {
        return List.copyOf(calls.values());
    }

    /** The assistant messages this response produced. */
    public List<AssistantMessageItem> answers() {
        return messages.values().stream().map(m -> m.item.withContent(m.contents())).toList();
    }

    private void captureId(JsonNode response) {
        if (response.path("id").isTextual()) {
            responseId = response.get("id").asText();
        }
    }

    private void announceSearch() {
        if (!searchAnnounced && searchingText != null) {
            searchAnnounced = true;
            turn.emit(new ThreadStreamEvent.ProgressUpdate("search", searchingText));
        }
    }

    private void itemAdded(JsonNode item) {
        String type = item.path("type").asText();
        if ("function_call".equals(type)) {
            String id = item.path("id").asText(item.path("call_id").asText());
            calls.put(id, new FunctionCall(item.path("call_id").asText(), item.path("name").asText(),
                    item.path("arguments").asText("")));
        } else if ("file_search_call".equals(type)) {
            announceSearch();
        } else if ("reasoning".equals(type) && workflow == null) {
            // as chatkit-python: the reasoning is a workflow above the answer, closed when the message starts
            workflow = new WorkflowItem(turn.newItemId("wf"), turn.thread().id(), turn.now(),
                    new WorkflowItem.Workflow(WorkflowItem.REASONING, List.of(), null, false));
            thoughts.clear();
            thoughtIndex.clear();
            turn.emit(new ThreadStreamEvent.ThreadItemAdded(workflow));
        } else if ("message".equals(type) && item.path("id").isTextual()) {
            message(item.get("id").asText());
        }
    }

    /** A reasoning summary's text: a new thought task, or the same one grown ({@code done}: its final text). */
    private void thought(JsonNode event, String text, boolean done) {
        if (workflow == null) {
            return;
        }
        if (!done) {
            limit.add(text.length());
        }
        String key = event.path("item_id").asText() + "#" + event.path("summary_index").asInt();
        Integer index = thoughtIndex.get(key);
        if (index == null) {
            thoughtIndex.put(key, thoughts.size());
            thoughts.add(WorkflowItem.Task.thought(text));
            turn.emit(new ThreadStreamEvent.ThreadItemUpdated(workflow.id(),
                    new ThreadItemUpdate.WorkflowTaskAdded(thoughts.size() - 1, thoughts.get(thoughts.size() - 1))));
            return;
        }
        String content = done ? text : thoughts.get(index).content() + text;
        thoughts.set(index, WorkflowItem.Task.thought(content));
        turn.emit(new ThreadStreamEvent.ThreadItemUpdated(workflow.id(),
                new ThreadItemUpdate.WorkflowTaskUpdated(index, thoughts.get(index))));
    }

    /** Closes the open reasoning workflow with its duration (collapsed), as chatkit-python does. */
    private void endWorkflow() {
        if (workflow == null) {
            return;
        }
        long seconds = Math.max(0, turn.now().getEpochSecond() - workflow.createdAt().getEpochSecond());
        WorkflowItem done = workflow.withWorkflow(new WorkflowItem.Workflow(WorkflowItem.REASONING, thoughts,
                WorkflowItem.Summary.duration(seconds), false));
        workflow = null;
        turn.emit(new ThreadStreamEvent.ThreadItemDone(done));
    }

    private void argumentsDone(JsonNode event) {
        String id = event.path("item_id").asText();
        FunctionCall known = calls.get(id);
        String name = event.path("name").asText(known == null ? "" : known.name());
        String callId = known == null ? id : known.callId();
        calls.put(id, new FunctionCall(callId, name, event.path("arguments").asText("")));
    }

    private void itemDone(JsonNode item) {
        String type = item.path("type").asText();
        String id = item.path("id").asText();
        if ("function_call".equals(type)) {
            calls.put(id, new FunctionCall(item.path("call_id").asText(), item.path("name").asText(),
                    item.path("arguments").asText("")));
        } else if ("message".equals(type) && !id.isEmpty()) {
            Message message = message(id);
            JsonNode content = item.path("content");
            for (int upstream = 0; upstream < content.size(); upstream++) {
                // output_text has its text, a refusal its refusal: either is the part's text
                String text = content.get(upstream).path("text").isTextual() ? content.get(upstream).get("text").asText()
                        : content.get(upstream).path("refusal").isTextual()
                        ? content.get(upstream).get("refusal").asText() : null;
                if (text != null) {
                    finishPart(message, part(message, upstream), text);
                }
            }
            for (int i = 0; i < message.texts.size(); i++) {
                finishPart(message, i, null);
            }
            finishMessage(message);
        }
    }

    private void delta(JsonNode event) {
        String text = event.path("delta").asText("");
        limit.add(text.length());
        Message message = message(event.path("item_id").asText());
        int part = part(message, event.path("content_index").asInt());
        message.texts.get(part).append(text);
        if (!text.isEmpty()) {
            turn.emit(new ThreadStreamEvent.ThreadItemUpdated(message.item.id(), new ThreadItemUpdate.TextDelta(part, text)));
        }
    }

    private void annotation(JsonNode event) {
        Annotation annotation = toAnnotation(event.path("annotation"));
        if (annotation == null) {
            return;
        }
        Message message = message(event.path("item_id").asText());
        int part = part(message, event.path("content_index").asInt());
        List<Annotation> list = message.annotations.get(part);
        list.add(annotation);
        turn.emit(new ThreadStreamEvent.ThreadItemUpdated(message.item.id(),
                new ThreadItemUpdate.AnnotationAdded(part, list.size() - 1, annotation)));
    }

    /** {@code file_citation} → file source, {@code url_citation} → URL source; other kinds are dropped. */
    static Annotation toAnnotation(JsonNode upstream) {
        String type = upstream.path("type").asText();
        if ("file_citation".equals(type)) {
            String filename = upstream.path("filename").asText(upstream.path("file_id").asText("Dokument"));
            Integer index = upstream.path("index").isNumber() ? upstream.get("index").asInt() : null;
            return Annotation.of(Annotation.Source.file(filename), index);
        }
        if ("url_citation".equals(type)) {
            Integer index = upstream.path("end_index").isNumber() ? upstream.get("end_index").asInt() : null;
            return Annotation.of(Annotation.Source.url(upstream.path("title").asText(null), upstream.path("url").asText()), index);
        }
        return null;
    }

    private void partDone(String itemId, int upstreamIndex, String finalText) {
        Message message = messages.get(itemId);
        if (message == null) {
            return;
        }
        Integer part = message.partIndex.get(upstreamIndex);
        if (part != null) {
            finishPart(message, part, finalText);
        }
    }

    private Message message(String upstreamItemId) {
        Message message = messages.get(upstreamItemId);
        if (message == null) {
            endWorkflow();
            message = new Message(new AssistantMessageItem(turn.newItemId("msg"), turn.thread().id(), turn.now(), List.of()));
            messages.put(upstreamItemId, message);
            turn.emit(new ThreadStreamEvent.ThreadItemAdded(message.item));
        }
        return message;
    }

    private int part(Message message, int upstreamIndex) {
        Integer part = message.partIndex.get(upstreamIndex);
        if (part == null) {
            part = message.texts.size();
            message.partIndex.put(upstreamIndex, part);
            message.texts.add(new StringBuilder());
            message.annotations.add(new ArrayList<>());
            message.partDone.add(false);
            turn.emit(new ThreadStreamEvent.ThreadItemUpdated(message.item.id(),
                    new ThreadItemUpdate.ContentPartAdded(part, AssistantContent.of("", List.of()))));
        }
        return part;
    }

    private void finishPart(Message message, int part, String finalText) {
        if (message.partDone.get(part)) {
            return;
        }
        if (finalText != null) {
            message.texts.set(part, new StringBuilder(finalText));
        }
        message.partDone.set(part, true);
        turn.emit(new ThreadStreamEvent.ThreadItemUpdated(message.item.id(),
                new ThreadItemUpdate.ContentPartDone(part, message.content(part))));
    }

    private void finishMessage(Message message) {
        if (message.done) {
            return;
        }
        message.done = true;
        turn.emit(new ThreadStreamEvent.ThreadItemDone(message.item.withContent(message.contents())));
    }

    private static StreamException failure(JsonNode error, String what) {
        String code = error.path("code").asText(null);
        // upstream text: it may quote the key or a token back (it goes to the log, never to the page)
        String message = Redactor.redact(error.path("message").asText(""));
        boolean retry = !"invalid_prompt".equals(code);
        return StreamException.streamError(retry, what + (code == null ? "" : " [" + code + "]") + ": " + message, null);
    }
}

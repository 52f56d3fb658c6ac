package com.landki.interview.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/**
 * A scripted OpenAI Responses API stream ({@code text/event-stream}) for mockwebserver3: the upstream the own
 * ChatKit server's agent reads. Each method appends events in the order the real API sends them; fields are
 * given as a JSON object ({@code "{\"item_id\":\"m1\"}"}) and every event gets its {@code type} and a
 * running {@code sequence_number}. Not thread-safe: build it in one test thread, then enqueue it.
 */
public final class ResponsesStream {

    private final StringBuilder body = new StringBuilder();
    private int sequence;

    private ResponsesStream() {
    }

    /** A stream that starts with {@code response.created} for {@code responseId}. */
    public static ResponsesStream create(String responseId) {
        return new ResponsesStream().event("response.created",
                "{\"response\":{\"id\":\"" + responseId + "\",\"status\":\"in_progress\"}}");
    }

    /** A complete answer: {@code text} in two deltas with one file citation ({@code leitfaden.pdf}), then done. */
    public static ResponsesStream answer(String responseId, String text) {
        String item = "m_" + responseId;
        int half = text.length() / 2;
        return create(responseId).start(item).delta(item, text.substring(0, half)).delta(item, text.substring(half))
                .citation(item, 0, "leitfaden.pdf", 3).itemDone(item, text).completed(responseId);
    }

    /** Appends one event of {@code type} with the fields of the JSON object {@code fieldsJson}. */
    public ResponsesStream event(String type, String fieldsJson) {
        String fields = fieldsJson.substring(1, fieldsJson.length() - 1);
        body.append("event: ").append(type).append('\n').append("data: {\"type\":\"").append(type)
                .append("\",\"sequence_number\":").append(sequence++).append(fields.isEmpty() ? "" : "," + fields)
                .append("}\n\n");
        return this;
    }

    /** An assistant message {@code itemId} is added (no content yet). */
    public ResponsesStream start(String itemId) {
        return event("response.output_item.added", "{\"output_index\":0,\"item\":{\"id\":\"" + itemId
                + "\",\"type\":\"message\",\"role\":\"assistant\",\"status\":\"in_progress\",\"content\":[]}}");
    }

    /** One text delta of message {@code itemId}. */
    public ResponsesStream delta(String itemId, String text) {
        return event("response.output_text.delta", "{\"item_id\":\"" + itemId + "\",\"output_index\":0,"
                + "\"content_index\":0,\"delta\":\"" + text + "\"}");
    }

    /** An assistant message added with an empty text part, then {@code deltas}. */
    public ResponsesStream message(String itemId, String... deltas) {
        start(itemId);
        event("response.content_part.added", "{\"item_id\":\"" + itemId + "\",\"output_index\":0,\"content_index\":0,"
                + "\"part\":{\"type\":\"output_text\",\"text\":\"\",\"annotations\":[]}}");
        for (String delta : deltas) {
            delta(itemId, delta);
        }
        return this;
    }

    /** A {@code file_citation} annotation on message {@code itemId}. */
    public ResponsesStream citation(String itemId, int annotationIndex, String filename, int index) {
        return event("response.output_text.annotation.added", "{\"item_id\":\"" + itemId + "\",\"output_index\":0,"
                + "\"content_index\":0,\"annotation_index\":" + annotationIndex + ",\"annotation\":{\"type\":"
                + "\"file_citation\",\"file_id\":\"file-1\",\"filename\":\"" + filename + "\",\"index\":" + index + "}}");
    }

    /** Message {@code itemId} is done with {@code text} ({@code response.output_item.done} only). */
    public ResponsesStream itemDone(String itemId, String text) {
        return event("response.output_item.done", "{\"output_index\":0,\"item\":{\"id\":\"" + itemId
                + "\",\"type\":\"message\",\"role\":\"assistant\",\"status\":\"completed\",\"content\":[{\"type\":"
                + "\"output_text\",\"text\":\"" + text + "\",\"annotations\":[]}]}}");
    }

    /** The text part and then message {@code itemId} are done with {@code text}. */
    public ResponsesStream messageDone(String itemId, String text) {
        event("response.output_text.done", "{\"item_id\":\"" + itemId + "\",\"output_index\":0,\"content_index\":0,"
                + "\"text\":\"" + text + "\"}");
        return itemDone(itemId, text);
    }

    /** A function call streamed in full: added, arguments delta and done, item done. */
    public ResponsesStream functionCall(String itemId, String callId, String name, String argumentsJson) {
        String escaped = argumentsJson.replace("\"", "\\\"");
        event("response.output_item.added", "{\"output_index\":0,\"item\":{\"id\":\"" + itemId + "\",\"type\":"
                + "\"function_call\",\"call_id\":\"" + callId + "\",\"name\":\"" + name + "\",\"arguments\":\"\","
                + "\"status\":\"in_progress\"}}");
        event("response.function_call_arguments.delta", "{\"item_id\":\"" + itemId + "\",\"output_index\":0,"
                + "\"delta\":\"" + escaped + "\"}");
        event("response.function_call_arguments.done", "{\"item_id\":\"" + itemId + "\",\"output_index\":0,"
                + "\"arguments\":\"" + escaped + "\"}");
        return functionCallDone(itemId, callId, name, argumentsJson);
    }

    /** A function call that arrives only as its {@code response.output_item.done}. */
    public ResponsesStream functionCallDone(String itemId, String callId, String name, String argumentsJson) {
        String escaped = argumentsJson.replace("\"", "\\\"");
        return event("response.output_item.done", "{\"output_index\":0,\"item\":{\"id\":\"" + itemId + "\",\"type\":"
                + "\"function_call\",\"call_id\":\"" + callId + "\",\"name\":\"" + name + "\",\"arguments\":\""
                + escaped + "\",\"status\":\"completed\"}}");
    }

    /** A {@code file_search} call that searches and completes. */
    public ResponsesStream fileSearch() {
        event("response.output_item.added", "{\"output_index\":0,\"item\":{\"id\":\"fs_1\",\"type\":"
                + "\"file_search_call\",\"status\":\"in_progress\"}}");
        event("response.file_search_call.in_progress", "{\"item_id\":\"fs_1\",\"output_index\":0}");
        event("response.file_search_call.searching", "{\"item_id\":\"fs_1\",\"output_index\":0}");
        return event("response.file_search_call.completed", "{\"item_id\":\"fs_1\",\"output_index\":0}");
    }

    /** An {@code error} event mid-stream. */
    public ResponsesStream error(String code, String message) {
        return event("error", "{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}");
    }

    /** {@code response.completed} for {@code responseId}. */
    public ResponsesStream completed(String responseId) {
        return event("response.completed", "{\"response\":{\"id\":\"" + responseId + "\",\"status\":\"completed\"}}");
    }

    /** The stream so far, as the body text. */
    public String text() {
        return body.toString();
    }

    /** A 200 {@code text/event-stream} answer with this stream as its body. */
    public MockResponse response() {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                .addHeader("x-request-id", "req_test").body(text()).build();
    }

    /**
     * A response that sends the scripted events, then keeps the stream open with SSE comments until the client
     * goes away (the write fails) — the upstream side of a page that disconnects. {@code aborted} counts down
     * when the client closed the connection.
     */
    public MockResponse hanging(CountDownLatch aborted) {
        byte[] head = text().getBytes(StandardCharsets.UTF_8);
        // framed as chunks by hand: mockwebserver3 sends a body of unknown length as "Content-Length: -1", which
        // the JDK's client reads to the end but a strict client (Jetty's) rejects as a protocol violation
        MockResponseBody hangingBody = new MockResponseBody() {
            @Override
            public long getContentLength() {
                return -1;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                chunk(sink, head);
                try {
                    // until a write fails (the client went away), at most 30 s; not until the latch is zero, as
                    // one latch may serve several hanging answers of which an earlier one was aborted
                    for (int i = 0; i < 3000; i++) {
                        chunk(sink, ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                        TimeUnit.MILLISECONDS.sleep(10); // the pace of the keep-alives
                    }
                    sink.writeUtf8("0\r\n\r\n");
                    sink.flush();
                } catch (IOException e) {
                    aborted.countDown();
                    throw e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                .body(hangingBody).removeHeader("Content-Length").addHeader("Transfer-Encoding", "chunked").build();
    }

    private static void chunk(BufferedSink sink, byte[] bytes) throws IOException {
        if (bytes.length == 0) {
            return; // a chunk of size 0 would end the body
        }
        sink.writeUtf8(Integer.toHexString(bytes.length)).writeUtf8("\r\n").write(bytes).writeUtf8("\r\n");
        sink.flush();
    }
}

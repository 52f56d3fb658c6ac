package com.landki.interview.chatkit.server.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/** Builds scripted Responses API SSE bodies for MockWebServer. */
final class ResponsesStream {

    private final StringBuilder body = new StringBuilder();
    private int sequence;

    static ResponsesStream create(String responseId) {
        ResponsesStream stream = new ResponsesStream();
        stream.event("response.created", "{\"response\":{\"id\":\"" + responseId + "\",\"status\":\"in_progress\"}}");
        return stream;
    }

    ResponsesStream event(String type, String fieldsJson) {
        String fields = fieldsJson.substring(1, fieldsJson.length() - 1);
        body.append("event: ").append(type).append('\n').append("data: {\"type\":\"").append(type)
                .append("\",\"sequence_number\":").append(sequence++).append(fields.isEmpty() ? "" : "," + fields)
                .append("}\n\n");
        return this;
    }

    ResponsesStream message(String itemId, String... deltas) {
        event("response.output_item.added", "{\"output_index\":0,\"item\":{\"id\":\"" + itemId
                + "\",\"type\":\"message\",\"role\":\"assistant\",\"status\":\"in_progress\",\"content\":[]}}");
        event("response.content_part.added", "{\"item_id\":\"" + itemId + "\",\"output_index\":0,\"content_index\":0,"
                + "\"part\":{\"type\":\"output_text\",\"text\":\"\",\"annotations\":[]}}");
        for (String delta : deltas) {
            event("response.output_text.delta", "{\"item_id\":\"" + itemId + "\",\"output_index\":0,\"content_index\":0,"
                    + "\"delta\":\"" + delta + "\"}");
        }
        return this;
    }

    ResponsesStream citation(String itemId, int annotationIndex, String filename, int index) {
        return event("response.output_text.annotation.added", "{\"item_id\":\"" + itemId + "\",\"output_index\":0,"
                + "\"content_index\":0,\"annotation_index\":" + annotationIndex + ",\"annotation\":{\"type\":\"file_citation\","
                + "\"file_id\":\"file-1\",\"filename\":\"" + filename + "\",\"index\":" + index + "}}");
    }

    ResponsesStream messageDone(String itemId, String text) {
        event("response.output_text.done", "{\"item_id\":\"" + itemId + "\",\"output_index\":0,\"content_index\":0,"
                + "\"text\":\"" + text + "\"}");
        return event("response.output_item.done", "{\"output_index\":0,\"item\":{\"id\":\"" + itemId
                + "\",\"type\":\"message\",\"role\":\"assistant\",\"status\":\"completed\",\"content\":[{\"type\":"
                + "\"output_text\",\"text\":\"" + text + "\",\"annotations\":[]}]}}");
    }

    ResponsesStream functionCall(String itemId, String callId, String name, String argumentsJson) {
        String escaped = argumentsJson.replace("\"", "\\\"");
        event("response.output_item.added", "{\"output_index\":0,\"item\":{\"id\":\"" + itemId + "\",\"type\":\"function_call\","
                + "\"call_id\":\"" + callId + "\",\"name\":\"" + name + "\",\"arguments\":\"\",\"status\":\"in_progress\"}}");
        event("response.function_call_arguments.delta", "{\"item_id\":\"" + itemId + "\",\"output_index\":0,\"delta\":\"" + escaped + "\"}");
        event("response.function_call_arguments.done", "{\"item_id\":\"" + itemId + "\",\"output_index\":0,\"arguments\":\"" + escaped + "\"}");
        return event("response.output_item.done", "{\"output_index\":0,\"item\":{\"id\":\"" + itemId + "\",\"type\":\"function_call\","
                + "\"call_id\":\"" + callId + "\",\"name\":\"" + name + "\",\"arguments\":\"" + escaped + "\",\"status\":\"completed\"}}");
    }

    ResponsesStream fileSearch() {
        event("response.output_item.added", "{\"output_index\":0,\"item\":{\"id\":\"fs_1\",\"type\":\"file_search_call\",\"status\":\"in_progress\"}}");
        event("response.file_search_call.in_progress", "{\"item_id\":\"fs_1\",\"output_index\":0}");
        event("response.file_search_call.searching", "{\"item_id\":\"fs_1\",\"output_index\":0}");
        return event("response.file_search_call.completed", "{\"item_id\":\"fs_1\",\"output_index\":0}");
    }

    ResponsesStream completed(String responseId) {
        return event("response.completed", "{\"response\":{\"id\":\"" + responseId + "\",\"status\":\"completed\"}}");
    }

    String text() {
        return body.toString();
    }

    MockResponse response() {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                .addHeader("x-request-id", "req_test").body(text()).build();
    }

    /**
     * A response that sends the scripted events, then keeps the stream open with SSE comments until the client
     * goes away (the write fails) — the upstream side of a page that disconnects. {@code aborted} counts down
     * when the client closed the connection.
     */
    MockResponse hanging(CountDownLatch aborted) {
        byte[] head = text().getBytes(StandardCharsets.UTF_8);
        MockResponseBody body = new MockResponseBody() {
            @Override
            public long getContentLength() {
                return -1;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.write(head);
                sink.flush();
                try {
                    for (int i = 0; i < 3000; i++) {
                        sink.writeUtf8(": keep-alive\n\n");
                        sink.flush();
                        if (aborted.await(10, TimeUnit.MILLISECONDS)) {
                            return;
                        }
                    }
                } catch (IOException e) {
                    aborted.countDown();
                    throw e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream").body(body).build();
    }
}

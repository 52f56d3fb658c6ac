package com.landki.interview.servlet.chatkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/** Scripted Responses API streams for the servlet tests. */
final class UpstreamScript {

    private UpstreamScript() {
    }

    static String event(String type, String fields) {
        return "event: " + type + "\ndata: {\"type\":\"" + type + "\"" + (fields.isEmpty() ? "" : "," + fields) + "}\n\n";
    }

    /** A complete answer {@code text} in two deltas with one file citation. */
    static String answer(String responseId, String text) {
        int half = text.length() / 2;
        return event("response.created", "\"response\":{\"id\":\"" + responseId + "\"}")
                + start("m_" + responseId)
                + delta("m_" + responseId, text.substring(0, half)) + delta("m_" + responseId, text.substring(half))
                + event("response.output_text.annotation.added", "\"item_id\":\"m_" + responseId + "\",\"content_index\":0,"
                        + "\"annotation_index\":0,\"annotation\":{\"type\":\"file_citation\",\"file_id\":\"file-1\","
                        + "\"filename\":\"leitfaden.pdf\",\"index\":3}")
                + event("response.output_item.done", "\"item\":{\"id\":\"m_" + responseId + "\",\"type\":\"message\","
                        + "\"content\":[{\"type\":\"output_text\",\"text\":\"" + text + "\"}]}")
                + event("response.completed", "\"response\":{\"id\":\"" + responseId + "\",\"status\":\"completed\"}");
    }

    static String start(String itemId) {
        return event("response.output_item.added", "\"item\":{\"id\":\"" + itemId + "\",\"type\":\"message\",\"content\":[]}");
    }

    static String delta(String itemId, String text) {
        return event("response.output_text.delta", "\"item_id\":\"" + itemId + "\",\"content_index\":0,\"delta\":\"" + text + "\"");
    }

    static MockResponse sse(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream").body(body).build();
    }

    /** Sends {@code head}, then holds the stream open until the client closes it; {@code aborted} then counts down. */
    static MockResponse hanging(String head, CountDownLatch aborted) {
        byte[] bytes = head.getBytes(StandardCharsets.UTF_8);
        MockResponseBody body = new MockResponseBody() {
            @Override
            public long getContentLength() {
                return -1;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.write(bytes);
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

package com.landki.interview.chatkit.server.responder;

import com.landki.interview.chatkit.server.types.ThreadStreamEvent;
import com.landki.interview.chatkit.server.types.internal.ProtocolJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Where a streamed answer goes. An {@link IOException} means the page is gone: the server cancels the turn
 * (and with it the upstream model call). Called by one thread at a time, not always the same one.
 */
@FunctionalInterface
public interface EventSink {

    /**
     * Takes one event for the page.
     *
     * @param event the event
     * @throws IOException when the page cannot be written to (it is gone)
     */
    void accept(ThreadStreamEvent event) throws IOException;

    /**
     * Completes when the sink can take more events: a sink that buffers for a slow page returns an incomplete
     * stage while its buffer is over its limit, and the server reads no more from upstream until it completes.
     * The default is always ready (a blocking sink paces by blocking in {@link #accept}).
     *
     * @return a stage that completes when the sink can take more
     */
    default CompletionStage<?> ready() {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * A sink that writes each event as one Server-Sent Events frame {@code data: {json}\n\n} to {@code out}
     * and flushes it, so the page sees every delta as it arrives.
     *
     * @param out the response body; flushed after each frame, not closed
     * @return the sink
     */
    static EventSink sse(OutputStream out) {
        return event -> {
            out.write(sseFrame(event));
            out.flush();
        };
    }

    /**
     * {@code event} as one SSE frame.
     *
     * @param event the event
     * @return the UTF-8 bytes of the frame
     */
    static byte[] sseFrame(ThreadStreamEvent event) {
        byte[] json = ProtocolJson.write(event);
        byte[] frame = new byte[json.length + 8];
        System.arraycopy("data: ".getBytes(StandardCharsets.US_ASCII), 0, frame, 0, 6);
        System.arraycopy(json, 0, frame, 6, json.length);
        frame[frame.length - 2] = '\n';
        frame[frame.length - 1] = '\n';
        return frame;
    }
}

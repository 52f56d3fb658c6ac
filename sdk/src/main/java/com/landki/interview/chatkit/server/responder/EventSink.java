package com.landki.interview.chatkit.server.responder;

import com.landki.interview.chatkit.server.types.ThreadStreamEvent;
import com.landki.interview.chatkit.server.types.internal.ProtocolJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Where a streamed answer goes. An {@link IOException} means the page is gone: the server cancels the turn
 * (and with it the upstream model call). Called by one thread at a time.
 */
@FunctionalInterface
public interface EventSink {

    void accept(ThreadStreamEvent event) throws IOException;

    /**
     * A sink that writes each event as one Server-Sent Events frame {@code data: {json}\n\n} to {@code out}
     * and flushes it, so the page sees every delta as it arrives.
     */
    static EventSink sse(OutputStream out) {
        return event -> {
            out.write(sseFrame(event));
            out.flush();
        };
    }

    /** {@code event} as one SSE frame. */
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

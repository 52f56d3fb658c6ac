package com.landki.interview.http;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;

/**
 * Takes a streamed response body chunk by chunk ({@link HttpTransport#stream}), pacing the transport: the next
 * chunk is read from the socket only once the stage returned for the previous one has completed, so a slow
 * consumer slows the upstream (TCP flow control) without blocking a thread. Called by one thread at a time, in
 * order.
 */
public interface BodyReceiver {

    /**
     * The response head of a successful ({@code 2xx}) answer arrived; called once, before the first chunk.
     *
     * @param head the status and headers; its body is empty
     */
    default void onOpen(TransportResponse head) {
    }

    /**
     * One chunk of the body. The buffer is valid only during this call: copy what is kept. Throwing aborts the
     * exchange, and the transport's future fails with the exception thrown.
     *
     * @param chunk the bytes of this chunk, from its position to its limit
     * @return a stage that completes when the next chunk may come; a completed stage reads on at once
     */
    CompletionStage<?> onChunk(ByteBuffer chunk);
}

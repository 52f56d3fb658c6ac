package com.landki.interview.chatkit.server;

import com.landki.interview.chatkit.server.responder.EventSink;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The answer to one request: either JSON ({@link #isStreaming()} false, {@link #json()}) or a stream of
 * thread stream events that runs when {@link #stream(EventSink)} is called. Write JSON answers as
 * {@code application/json} and streams as {@code text/event-stream}. A streaming result is run at most once;
 * {@link #cancel()} may be called from any thread.
 */
public final class ChatKitResult {

    /** Runs a streamed answer into a sink; implemented by the server. */
    interface StreamBody {
        CompletableFuture<Void> start(EventSink sink);

        void cancel();
    }

    private final byte[] json;
    private final StreamBody body;

    private ChatKitResult(byte[] json, StreamBody body) {
        this.json = json;
        this.body = body;
    }

    static ChatKitResult ofJson(byte[] json) {
        return new ChatKitResult(Objects.requireNonNull(json), null);
    }

    static ChatKitResult ofStream(StreamBody body) {
        return new ChatKitResult(null, Objects.requireNonNull(body));
    }

    /**
     * True for {@code text/event-stream} answers.
     *
     * @return {@code true} for a streamed answer
     */
    public boolean isStreaming() {
        return body != null;
    }

    /**
     * The JSON body of a non-streaming answer.
     *
     * @return the UTF-8 JSON body
     * @throws IllegalStateException for a streaming result
     */
    public byte[] json() {
        if (json == null) {
            throw new IllegalStateException("a streaming result has no JSON body; call stream(sink)");
        }
        return json.clone();
    }

    /**
     * Runs the streamed answer on the calling thread, handing each event to {@code sink}, and returns when it is
     * complete, failed (after an {@code error} event) or cancelled. Never throws for upstream or sink failures.
     *
     * @param sink receives the events in order
     */
    public void stream(EventSink sink) {
        streamAsync(sink).join();
    }

    /**
     * Starts the streamed answer and returns at once (after the parts that do not wait, such as storing the user
     * message); the events go to {@code sink} as the responder produces them, on its threads, one at a time.
     * The future completes (never exceptionally for upstream or sink failures) when the answer is complete,
     * failed after an {@code error} event, or cancelled. With an asynchronous responder ({@code ResponsesAgent})
     * no thread waits meanwhile; pace a slow page with {@link EventSink#ready()}.
     *
     * @param sink receives the events in order
     * @return completes when the answer has ended
     */
    public CompletableFuture<Void> streamAsync(EventSink sink) {
        if (body == null) {
            throw new IllegalStateException("a JSON result does not stream; use json()");
        }
        return body.start(sink);
    }

    /**
     * {@link #stream(EventSink)} into {@link EventSink#sse(OutputStream)}.
     *
     * @param out the response body; flushed after each event, not closed
     */
    public void writeTo(OutputStream out) {
        stream(EventSink.sse(out));
    }

    /** Cancels a running stream (the page went away): the responder is told and the upstream call aborted. */
    public void cancel() {
        if (body != null) {
            body.cancel();
        }
    }
}

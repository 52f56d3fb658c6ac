package com.landki.interview.openai.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.landki.interview.openai.OpenAiBadResponseException;
import com.landki.interview.openai.ServerSentEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A stream that sends one 5 MB line (a 5 MB delta) is refused once the line passes the event limit: the receiver
 * fails the stream on the chunk that crosses it (the caller then aborts the exchange), so it never took, let alone
 * held, more than the limit and one chunk of the line.
 */
class SseReceiverLimitTest {

    private static final int LIMIT = 1024 * 1024;
    private static final int CHUNK = 64 * 1024;
    private static final int LINE = 5 * 1024 * 1024;

    private final Timer timer = new Timer("sse-limit-test");
    private final List<ServerSentEvent> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopTimer() {
        timer.close();
    }

    @Test
    void aFiveMegabyteLineIsRefusedAtTheLimit() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        SseReceiver receiver = receiver(done, LIMIT);
        byte[] head = "data: {\"ok\":1}\n\ndata: ".getBytes(StandardCharsets.UTF_8);
        byte[] chunk = new byte[CHUNK];
        Arrays.fill(chunk, (byte) 'x');
        long taken = 0;
        RuntimeException refused = null;
        receiver.onChunk(ByteBuffer.wrap(head));
        // the transport hands over chunk after chunk as long as the receiver takes them
        while (taken < LINE && refused == null) {
            try {
                receiver.onChunk(ByteBuffer.wrap(chunk));
                taken += CHUNK;
            } catch (RuntimeException e) {
                refused = e;
            }
        }

        assertThat(refused).isInstanceOf(OpenAiBadResponseException.class)
                .hasMessageContaining("larger than " + LIMIT + " bytes");
        assertThat(cause(done)).isSameAs(refused);
        assertThat(taken).as("bytes of the 5 MB line taken before the refusal").isLessThanOrEqualTo(LIMIT);
        assertThat(events).extracting(ServerSentEvent::data).containsExactly("{\"ok\":1}");
    }

    @Test
    void anEventOfManyShortDataLinesIsRefusedOnceItsDataPassesTheLimit() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        SseReceiver receiver = receiver(done, 4096);
        byte[] line = ("data: " + "y".repeat(1000) + "\n").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 4; i++) {
            receiver.onChunk(ByteBuffer.wrap(line));
        }

        assertThatThrownBy(() -> receiver.onChunk(ByteBuffer.wrap(line))).isInstanceOf(OpenAiBadResponseException.class);
        assertThat(done).isCompletedExceptionally();
        assertThat(events).isEmpty();
    }

    @Test
    void anEventJustWithinTheLimitIsDelivered() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        SseReceiver receiver = receiver(done, 4096);
        String data = "z".repeat(4096 - "data: ".length());
        receiver.onChunk(ByteBuffer.wrap(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8)));

        assertThat(done).isNotDone();
        assertThat(events).extracting(ServerSentEvent::data).containsExactly(data);
    }

    private SseReceiver receiver(CompletableFuture<Void> done, int limit) {
        return new SseReceiver(events::add, null, done, "POST /v1/responses", Duration.ofMinutes(1), timer, limit);
    }

    private static Throwable cause(CompletableFuture<Void> done) {
        try {
            done.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }
}

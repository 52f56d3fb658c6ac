package com.landki.interview.openai.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.concurrent.Flow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A stream that sends one 5 MB line (a 5 MB delta) is cut off once the line passes the event limit: the subscriber
 * stops asking for chunks and cancels the body, so it never received, let alone held, more than the limit and one
 * chunk of it.
 */
class SseSubscriberLimitTest {

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
    void aFiveMegabyteLineIsRefusedAfterTheLimitAndTheBodyCancelled() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        SseSubscriber subscriber = new SseSubscriber(events::add, null, done, "POST /v1/responses",
                Duration.ofMinutes(1), timer, LIMIT);
        ChunkedBody body = new ChunkedBody("data: {\"ok\":1}\n\n".getBytes(StandardCharsets.UTF_8));
        subscriber.onSubscribe(body);
        // the JDK hands over one chunk per request(1): deliver them as the subscriber asks
        while (body.requested > body.delivered && !body.cancelled && body.sent < LINE) {
            body.deliver(subscriber);
        }

        assertThat(done).isCompletedExceptionally();
        assertThat(cause(done)).isInstanceOf(OpenAiBadResponseException.class)
                .hasMessageContaining("larger than " + LIMIT + " bytes");
        assertThat(body.cancelled).as("the upstream body is cancelled").isTrue();
        assertThat(body.sent).as("bytes read of the 5 MB line").isLessThanOrEqualTo(LIMIT + 2L * CHUNK);
        assertThat(events).extracting(ServerSentEvent::data).containsExactly("{\"ok\":1}");
    }

    @Test
    void anEventOfManyDataLinesIsRefusedOnceItsDataPassesTheLimit() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        SseSubscriber subscriber = new SseSubscriber(events::add, null, done, "POST /v1/responses",
                Duration.ofMinutes(1), timer, 4096);
        ChunkedBody body = new ChunkedBody(new byte[0]);
        subscriber.onSubscribe(body);
        String line = "data: " + "y".repeat(1000) + "\n"; // each line is short, the event they make is not
        for (int i = 0; i < 10 && !body.cancelled; i++) {
            body.deliver(subscriber, line.getBytes(StandardCharsets.UTF_8));
        }

        assertThat(cause(done)).isInstanceOf(OpenAiBadResponseException.class);
        assertThat(body.cancelled).isTrue();
        assertThat(events).isEmpty();
    }

    @Test
    void anEventJustWithinTheLimitIsDelivered() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        SseSubscriber subscriber = new SseSubscriber(events::add, null, done, "POST /v1/responses",
                Duration.ofMinutes(1), timer, 4096);
        ChunkedBody body = new ChunkedBody(new byte[0]);
        subscriber.onSubscribe(body);
        String data = "z".repeat(4096 - "data: ".length());
        body.deliver(subscriber, ("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));

        assertThat(done).isNotDone();
        assertThat(body.cancelled).isFalse();
        assertThat(events).extracting(ServerSentEvent::data).containsExactly(data);
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

    /** A body of {@code head}, then an endless line of {@code x}, in chunks of {@link #CHUNK} bytes. */
    private static final class ChunkedBody implements Flow.Subscription {

        private final byte[] head;
        long requested;
        long delivered;
        long sent;
        boolean cancelled;

        ChunkedBody(byte[] head) {
            this.head = head;
        }

        @Override
        public void request(long n) {
            requested += n;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        void deliver(SseSubscriber subscriber) {
            byte[] chunk = new byte[CHUNK];
            Arrays.fill(chunk, (byte) 'x');
            if (sent == 0) {
                System.arraycopy(head, 0, chunk, 0, head.length);
                System.arraycopy("data: ".getBytes(StandardCharsets.UTF_8), 0, chunk, head.length, 6);
            }
            deliver(subscriber, chunk);
        }

        void deliver(SseSubscriber subscriber, byte[] bytes) {
            delivered++;
            sent += bytes.length;
            subscriber.onNext(List.of(ByteBuffer.wrap(bytes)));
        }
    }
}

package com.landki.interview.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.landki.interview.chatkit.server.agent.ResponsesTransport;
import com.landki.interview.chatkit.server.responder.StreamException;
import com.landki.interview.openai.OpenAiApiException;
import com.landki.interview.openai.OpenAiConnectionException;
import com.landki.interview.openai.ServerSentEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What the own server's Responses calls put into the meters: durations, first text, error codes. */
class TimedResponsesTransportTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ApiMetrics metrics = new ApiMetrics(registry, "server");
    private final AtomicLong nanos = new AtomicLong();
    private final List<ServerSentEvent> seen = new ArrayList<>();

    @Test
    void aStreamedAnswerIsTimedToItsEndAndToItsFirstText() {
        ResponsesTransport inner = (body, events, onCancel) -> {
            nanos.addAndGet(300_000_000L);
            events.accept(event("response.created"));
            nanos.addAndGet(400_000_000L);
            events.accept(event("response.output_text.delta"));
            nanos.addAndGet(500_000_000L);
            events.accept(new ServerSentEvent(ServerSentEvent.DEFAULT_EVENT,
                    "{\"type\":\"response.output_text.delta\",\"delta\":\"x\"}", null));
            nanos.addAndGet(800_000_000L);
        };
        timed(inner).stream(JsonNodeFactory.instance.objectNode(), seen::add, abort -> { });
        assertThat(seen).hasSize(3);
        assertThat(seconds("interview.responses.first_token")).isEqualTo(0.7);
        assertThat(registry.get("interview.responses.first_token").timer().count()).isEqualTo(1);
        assertThat(seconds("interview.upstream.latency")).isEqualTo(2.0);
        assertThat(errors()).isZero();
    }

    @Test
    void anUpstreamStatusCountsItsCodeAndABrokenStreamCountsUpstreamError() {
        ResponsesTransport unauthorized = (body, events, onCancel) -> {
            throw OpenAiApiException.of(401, "invalid_request_error", "invalid_api_key", null, "bad key", "req_1", null);
        };
        assertThatThrownBy(() -> timed(unauthorized).stream(JsonNodeFactory.instance.objectNode(), seen::add,
                abort -> { })).isInstanceOf(OpenAiApiException.class);
        ResponsesTransport broken = async(onCancel -> CompletableFuture.failedFuture(
                StreamException.streamError(true, "error event", null)));
        assertThat(timed(broken).streamAsync(JsonNodeFactory.instance.objectNode(), seen::add, abort -> { },
                () -> CompletableFuture.completedFuture(null))).isCompletedExceptionally();
        assertThat(registry.get("interview.upstream.errors").tag("api", "responses")
                .tag("code", "upstream_unauthorized").counter().count()).isEqualTo(1);
        assertThat(registry.get("interview.upstream.errors").tag("api", "responses")
                .tag("code", "upstream_error").counter().count()).isEqualTo(1);
        assertThat(registry.get("interview.upstream.latency").tag("api", "responses").timer().count()).isEqualTo(2);
        assertThat(registry.get("interview.responses.first_token").timer().count()).isZero();
    }

    @Test
    void aCallThePageCancelledIsNeitherTimedNorAnError() {
        AtomicReference<Runnable> abort = new AtomicReference<>();
        CompletableFuture<Void> upstream = new CompletableFuture<>();
        ResponsesTransport inner = async(onCancel -> {
            onCancel.accept(() -> upstream.completeExceptionally(new OpenAiConnectionException("stream reset", null)));
            return upstream;
        });
        CompletableFuture<Void> call = timed(inner).streamAsync(JsonNodeFactory.instance.objectNode(), seen::add,
                abort::set, () -> CompletableFuture.completedFuture(null));
        abort.get().run(); // the page went away; the server runs the transport's abort
        assertThat(call).isCompletedExceptionally();
        assertThat(errors()).isZero();
        assertThat(registry.get("interview.upstream.latency").tag("api", "responses").timer().count()).isZero();
    }

    /** A transport that only streams asynchronously, as the server calls it. */
    private static ResponsesTransport async(Function<Consumer<Runnable>, CompletableFuture<Void>> call) {
        return new ResponsesTransport() {
            @Override
            public void stream(JsonNode body, Consumer<ServerSentEvent> events, Consumer<Runnable> onCancel) {
                throw new AssertionError("the server streams asynchronously");
            }

            @Override
            public CompletableFuture<Void> streamAsync(JsonNode body, Consumer<ServerSentEvent> events,
                    Consumer<Runnable> onCancel, Supplier<? extends CompletionStage<?>> ready) {
                return call.apply(onCancel);
            }
        };
    }

    private TimedResponsesTransport timed(ResponsesTransport inner) {
        return new TimedResponsesTransport(inner, metrics, nanos::get);
    }

    private double seconds(String timer) {
        return registry.get(timer).timer().totalTime(TimeUnit.MILLISECONDS) / 1000.0;
    }

    private double errors() {
        return registry.get("interview.upstream.errors").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static ServerSentEvent event(String type) {
        return new ServerSentEvent(type, "{\"type\":\"" + type + "\"}", null);
    }
}

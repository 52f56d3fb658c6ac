package com.landki.interview.bench.chatkitserver;

import com.landki.interview.chatkit.server.ChatKitResult;
import com.landki.interview.chatkit.server.ChatKitServer;
import com.landki.interview.chatkit.server.agent.ResponsesAgent;
import com.landki.interview.chatkit.server.responder.EventSink;
import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.chatkit.server.types.RequestContext;
import com.landki.interview.chatkit.server.types.ThreadItemUpdate;
import com.landki.interview.chatkit.server.types.ThreadStreamEvent;
import com.landki.interview.openai.ServerSentEvent;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the own ChatKit server adds per streamed answer, without network: a {@code threads.create} turn whose
 * Responses stream ({@code deltas} text deltas of ~8 chars, one citation) is replayed in process, through the
 * agent's event mapping, the turn (store on item done) and SSE framing into a null stream. The baseline frames
 * the same number of delta events only, so {@code streamedTurn / deltas} is the per-delta cost of the server
 * and {@code streamedTurn - baselineFramesOnly} its overhead beyond serializing what the page must get anyway.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ChatKitServerBench {

    @Param({"200"})
    public int deltas;

    private ChatKitServer server;
    private byte[] createRequest;
    private List<ThreadStreamEvent> baselineEvents;
    private final RequestContext context = RequestContext.of("bench-user");

    @Setup
    public void setUp() {
        List<ServerSentEvent> script = new ArrayList<>();
        script.add(event("response.created", "\"response\":{\"id\":\"resp_1\"}"));
        script.add(event("response.output_item.added", "\"item\":{\"id\":\"m1\",\"type\":\"message\",\"content\":[]}"));
        StringBuilder text = new StringBuilder();
        baselineEvents = new ArrayList<>();
        for (int i = 0; i < deltas; i++) {
            String delta = "Wort " + (i % 100) + " ";
            text.append(delta);
            script.add(event("response.output_text.delta", "\"item_id\":\"m1\",\"content_index\":0,\"delta\":\"" + delta + "\""));
            baselineEvents.add(new ThreadStreamEvent.ThreadItemUpdated("msg_0123456789abcdef01234567",
                    new ThreadItemUpdate.TextDelta(0, delta)));
        }
        script.add(event("response.output_text.annotation.added", "\"item_id\":\"m1\",\"content_index\":0,"
                + "\"annotation_index\":0,\"annotation\":{\"type\":\"file_citation\",\"filename\":\"leitfaden.pdf\",\"index\":3}"));
        script.add(event("response.output_item.done", "\"item\":{\"id\":\"m1\",\"type\":\"message\",\"content\":"
                + "[{\"type\":\"output_text\",\"text\":\"" + text + "\"}]}"));
        script.add(event("response.completed", "\"response\":{\"id\":\"resp_1\"}"));
        ResponsesAgent agent = ResponsesAgent.builder().transport((body, events, onCancel) -> script.forEach(events))
                .vectorStoreIds(List.of("vs_bench")).build();
        server = ChatKitServer.builder().store(ThreadStore.inMemory()).responder(agent).build();
        createRequest = ("{\"type\":\"threads.create\",\"params\":{\"input\":{\"content\":[{\"type\":\"input_text\","
                + "\"text\":\"Was steht im Leitfaden?\"}],\"attachments\":[],\"inference_options\":{}}}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static ServerSentEvent event(String type, String fields) {
        return new ServerSentEvent(type, "{\"type\":\"" + type + "\"," + fields + "}", null);
    }

    @Benchmark
    public void streamedTurn() {
        ChatKitResult result = server.process(createRequest, context);
        result.writeTo(OutputStream.nullOutputStream());
    }

    @Benchmark
    public void baselineFramesOnly(Blackhole hole) {
        for (ThreadStreamEvent event : baselineEvents) {
            hole.consume(EventSink.sseFrame(event));
        }
    }
}

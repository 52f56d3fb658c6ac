package com.landki.interview.bench.transport;

import com.landki.interview.chatkit.ChatKitClient;
import com.landki.interview.chatkit.ChatKitSession;
import com.landki.interview.chatkit.CreateSessionRequest;
import com.landki.interview.http.HttpTransport;
import com.landki.interview.http.jetty.JettyHttpTransport;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The whole SDK session call ({@code ChatKitClient.createSession}: request JSON, headers, retry wrapper, timeout
 * timer, the exchange, answer JSON) on each of the SDK's transports, side by side in one run: the JDK
 * {@code HttpClient} ({@code HttpTransport.jdk}, the SDK's default and the baseline) and Jetty's
 * ({@code JettyHttpTransport}, {@code interview-http-jetty}). One loopback Jetty server answers a canned session
 * at once for both, so the differences are the transports'. Each is measured by one caller and by 16 concurrent
 * callers (a server handling many sessions at once). Run with {@code -prof gc} for the bytes per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SessionTransportBench {

    private Server server;
    private HttpTransport jdk;
    private HttpTransport jetty;
    private ChatKitClient onJdk;
    private ChatKitClient onJetty;
    private CreateSessionRequest request;

    @Setup(Level.Trial)
    public void start() throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool(16, 4);
        pool.setName("bench-server");
        server = new Server(pool);
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                Content.Source.consumeAll(request, Callback.from(() -> {
                    response.setStatus(200);
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                    response.write(true, ByteBuffer.wrap(HttpTransportBench.ANSWER), callback);
                }, callback::failed));
                return true;
            }
        });
        server.start();
        String base = "http://127.0.0.1:" + connector.getLocalPort() + "/v1";
        jdk = HttpTransport.jdk(Duration.ofSeconds(10));
        jetty = JettyHttpTransport.create(Duration.ofSeconds(10));
        onJdk = ChatKitClient.builder().apiKey("sk-bench").baseUrl(base).defaultWorkflowId("wf_1").transport(jdk)
                .build();
        onJetty = ChatKitClient.builder().apiKey("sk-bench").baseUrl(base).defaultWorkflowId("wf_1")
                .transport(jetty).build();
        request = CreateSessionRequest.builder("user-1").expiresAfter(Duration.ofMinutes(10))
                .maxRequestsPerMinute(10).fileUpload(false, null, null).build();
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        onJdk.close();
        onJetty.close();
        jdk.close();
        jetty.close();
        server.stop();
    }

    /** Baseline: the SDK's default transport, the JDK client, one caller. */
    @Benchmark
    public ChatKitSession jdkTransport() {
        return onJdk.createSession(request);
    }

    /** Jetty's transport, one caller. */
    @Benchmark
    public ChatKitSession jettyTransport() {
        return onJetty.createSession(request);
    }

    /** The JDK transport with 16 callers at once (score: time per call of each caller). */
    @Benchmark
    @Threads(16)
    public ChatKitSession jdkTransport16() {
        return onJdk.createSession(request);
    }

    /** Jetty's transport with 16 callers at once. */
    @Benchmark
    @Threads(16)
    public ChatKitSession jettyTransport16() {
        return onJetty.createSession(request);
    }
}

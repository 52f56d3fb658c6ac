package com.landki.interview.http.jetty;

import com.landki.interview.http.BodyReceiver;
import com.landki.interview.http.HttpTransport;
import com.landki.interview.http.TransportRequest;
import com.landki.interview.http.TransportResponse;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.ByteBufferRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.ProxyAuthenticationProtocolHandler;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * {@link HttpTransport} on Jetty's non-blocking {@link HttpClient} 12.1. Nothing waits on a thread: answers are
 * buffered by listeners, and a stream reads Jetty's {@link Content.Source} on demand, one chunk after the
 * receiver's stage completed, so a thousand open streams hold no thread and a slow consumer leaves the upstream
 * in TCP flow control.
 *
 * <p>{@link #create(Duration)} makes an own client like the JDK's defaults: no redirects followed, no cookies
 * kept, no {@code Accept-Encoding} or {@code User-Agent} of Jetty's added, a {@code 401} or {@code 407} returned as
 * it came (no authentication challenge handled), HTTP/1.1, at most
 * {@value #MAX_CONNECTIONS} connections per host (each open stream holds one), buffered answers up to
 * {@value #MAX_BODY_BYTES} bytes, idle connections closed after a minute, daemon threads {@code openai-jetty-N}.
 * {@link #over(HttpClient)} uses a client configured by the caller. Thread-safe.
 */
public final class JettyHttpTransport implements HttpTransport {

    /** The {@link #name()} and {@link JettyHttpTransportProvider#name()}. */
    public static final String NAME = "jetty";
    /** Most connections an own client opens to one host (scheme, host and port). */
    public static final int MAX_CONNECTIONS = 4096;
    /** Longest body {@link #send} buffers; a longer one fails the exchange. */
    public static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

    private static final AtomicInteger IDS = new AtomicInteger();
    /** Threads of an own client: enough for callbacks that never wait. */
    private static final int MAX_THREADS = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
    private static final long IDLE_MILLIS = 60_000;
    /** A stream's silences are bounded by its caller (the SDK's stream idle timeout), not by the connection's. */
    private static final long STREAM_IDLE_MILLIS = TimeUnit.DAYS.toMillis(1);
    private static final CompletableFuture<Void> READY = CompletableFuture.completedFuture(null);

    private final HttpClient client;
    private final boolean owned;
    private volatile boolean closed;

    private JettyHttpTransport(HttpClient client, boolean owned) {
        this.client = client;
        this.owned = owned;
    }

    /**
     * A transport with its own started {@link HttpClient}, which {@link #close()} stops.
     *
     * @param connectTimeout the longest wait for a connection; positive
     * @return a new transport
     */
    public static JettyHttpTransport create(Duration connectTimeout) {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        String name = "openai-jetty-" + IDS.incrementAndGet();
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2, (int) IDLE_MILLIS);
        threads.setName(name);
        threads.setDaemon(true);
        HttpClient client = new HttpClient();
        client.setExecutor(threads);
        client.setScheduler(new ScheduledExecutorScheduler(name + "-scheduler", true));
        client.setConnectTimeout(connectTimeout.toMillis());
        client.setIdleTimeout(IDLE_MILLIS);
        client.setFollowRedirects(false);
        client.setUserAgentField(null);
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        client.setMaxConnectionsPerDestination(MAX_CONNECTIONS);
        client.setMaxRequestsQueuedPerDestination(4 * MAX_CONNECTIONS);
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty HttpClient did not start", e);
        }
        // the decoders are found as the client starts; without them no Accept-Encoding is sent (as the JDK's)
        client.getContentDecoderFactories().clear();
        // a 401 or 407 is an answer for the caller (OpenAI's wrong-key 401 has no WWW-Authenticate, which Jetty's
        // authentication handlers would turn into a protocol violation); we authenticate by header, not challenge
        client.getProtocolHandlers().remove(WWWAuthenticationProtocolHandler.NAME);
        client.getProtocolHandlers().remove(ProxyAuthenticationProtocolHandler.NAME);
        return new JettyHttpTransport(client, true);
    }

    /**
     * A transport over the caller's client, started or not (it is started here if it is not); {@link #close()}
     * leaves it running.
     *
     * @param client the caller's client; its settings (timeouts, pool, proxy, TLS, protocol handlers) apply as
     *     they are, so remove its authentication handlers if a {@code 401} without a challenge must reach the SDK
     * @return a new transport over {@code client}
     */
    public static JettyHttpTransport over(HttpClient client) {
        Objects.requireNonNull(client, "client");
        if (!client.isStarted()) {
            try {
                client.start();
            } catch (Exception e) {
                throw new IllegalStateException("Jetty HttpClient did not start", e);
            }
        }
        return new JettyHttpTransport(client, false);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CompletableFuture<TransportResponse> send(TransportRequest request) {
        Request jetty = jetty(request).timeout(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
        CompletableFuture<TransportResponse> out = abortOnCancel(new CompletableFuture<>(), jetty);
        jetty.send(new BufferingResponseListener(MAX_BODY_BYTES) {
            @Override
            public void onComplete(Result result) {
                if (result.isFailed()) {
                    out.completeExceptionally(result.getFailure());
                } else {
                    Response response = result.getResponse();
                    out.complete(TransportResponse.of(response.getStatus(), headers(response),
                            getContentAsString(StandardCharsets.UTF_8)));
                }
            }
        });
        return out;
    }

    @Override
    public CompletableFuture<TransportResponse> stream(TransportRequest request, BodyReceiver receiver) {
        Objects.requireNonNull(receiver, "receiver");
        Request jetty = jetty(request).idleTimeout(STREAM_IDLE_MILLIS, TimeUnit.MILLISECONDS);
        CompletableFuture<TransportResponse> out = abortOnCancel(new CompletableFuture<>(), jetty);
        new Exchange(jetty, receiver, out).start(request.timeout());
        return out;
    }

    /**
     * Stops an own client and its threads; a client given to {@link #over} keeps running. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (owned) {
            try {
                client.stop();
            } catch (Exception e) {
                throw new IllegalStateException("Jetty HttpClient did not stop", e);
            }
        }
    }

    @Override
    public String toString() {
        return "JettyHttpTransport{" + (owned ? "own client" : "caller's client") + (closed ? ", closed" : "") + '}';
    }

    private Request jetty(TransportRequest request) {
        if (closed) {
            throw new IllegalStateException("this HTTP transport is closed");
        }
        Request jetty = client.newRequest(request.uri()).method(request.method()).followRedirects(false)
                .headers(h -> request.headers().forEach(h::put));
        ByteBuffer body = request.body();
        if (body != null) {
            jetty.body(new ByteBufferRequestContent(body));
        }
        return jetty;
    }

    private static CompletableFuture<TransportResponse> abortOnCancel(CompletableFuture<TransportResponse> out,
            Request request) {
        out.whenComplete((v, e) -> {
            if (out.isCancelled()) {
                request.abort(new CancellationException("cancelled by the caller"));
            }
        });
        return out;
    }

    private static Map<String, List<String>> headers(Response response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : response.getHeaders()) {
            headers.computeIfAbsent(field.getLowerCaseName(), n -> new ArrayList<>(1)).add(field.getValue());
        }
        return headers;
    }

    /**
     * One streamed exchange: waits for the head within the timeout, then reads a successful body on demand into
     * the receiver, or buffers an error body.
     */
    private final class Exchange {
        private final Request request;
        private final BodyReceiver receiver;
        private final CompletableFuture<TransportResponse> out;
        private final ByteArrayOutputStream errorBody = new ByteArrayOutputStream();
        private volatile Scheduler.Task headTimeout;
        private volatile boolean successful;
        private Content.Source source;

        Exchange(Request request, BodyReceiver receiver, CompletableFuture<TransportResponse> out) {
            this.request = request;
            this.receiver = receiver;
            this.out = out;
        }

        void start(Duration timeout) {
            headTimeout = client.getScheduler().schedule(() -> request.abort(new TimeoutException(
                    "no response head within " + timeout.toMillis() + " ms")), timeout.toMillis(), TimeUnit.MILLISECONDS);
            request.onResponseHeaders(this::onHeaders).onResponseContentSource(this::onContentSource)
                    .send(this::onComplete);
        }

        private void onHeaders(Response response) {
            headTimeout.cancel();
            successful = response.getStatus() >= 200 && response.getStatus() <= 299;
            if (successful) {
                try {
                    receiver.onOpen(TransportResponse.of(response.getStatus(), headers(response), ""));
                } catch (RuntimeException | Error e) {
                    fail(e);
                }
            }
        }

        private void onContentSource(Response response, Content.Source source) {
            this.source = source;
            read();
        }

        /** Reads until no chunk is ready, the body ended or the receiver asked to wait. */
        private void read() {
            while (!out.isDone()) {
                Content.Chunk chunk = source.read();
                if (chunk == null) {
                    source.demand(this::read);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    return; // onComplete reports the failure
                }
                CompletableFuture<?> next;
                try {
                    next = take(chunk.getByteBuffer());
                } catch (RuntimeException | Error e) {
                    fail(e);
                    return;
                } finally {
                    chunk.release();
                }
                if (chunk.isLast()) {
                    return;
                }
                if (!next.isDone()) {
                    next.whenComplete((v, e) -> {
                        if (e != null) {
                            fail(e);
                        } else {
                            read();
                        }
                    });
                    return;
                }
                if (next.isCompletedExceptionally()) {
                    next.whenComplete((v, e) -> fail(e));
                    return;
                }
            }
        }

        private CompletableFuture<?> take(ByteBuffer bytes) {
            if (!successful) {
                byte[] copy = new byte[bytes.remaining()];
                bytes.get(copy);
                errorBody.writeBytes(copy);
                return READY;
            }
            if (!bytes.hasRemaining()) {
                return READY;
            }
            CompletionStage<?> next = receiver.onChunk(bytes);
            return next == null ? READY : next.toCompletableFuture();
        }

        private void fail(Throwable failure) {
            request.abort(failure);
        }

        private void onComplete(Result result) {
            headTimeout.cancel();
            if (result.isFailed()) {
                out.completeExceptionally(result.getFailure());
                return;
            }
            Response response = result.getResponse();
            String body = successful ? "" : errorBody.toString(StandardCharsets.UTF_8);
            out.complete(TransportResponse.of(response.getStatus(), headers(response), body));
        }
    }
}

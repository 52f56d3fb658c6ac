package com.landki.interview.http;

import com.landki.interview.http.internal.JdkTransport;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Comparator;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;

/**
 * Sends HTTP requests for the SDK's OpenAI calls ({@link com.landki.interview.openai.OpenAiHttp} runs on one).
 * Small on purpose: one buffered exchange and one streamed exchange, both asynchronous. Retries, the timeout of
 * a whole call, typed errors and the scrubbing of the API key from messages are the caller's, not the
 * transport's.
 *
 * <p>Failures complete the returned future exceptionally: a {@link java.util.concurrent.TimeoutException} (or a
 * {@link java.net.http.HttpTimeoutException}) when the response head did not arrive within
 * {@link TransportRequest#timeout()}, a {@link java.net.SocketTimeoutException} or
 * {@link java.net.http.HttpConnectTimeoutException} when no connection was made within the connect timeout, an
 * {@link java.io.IOException} for any other transport failure (refused, reset, broken stream), and the
 * receiver's own exception when {@link BodyReceiver#onChunk} threw. An HTTP error status is not a failure: it
 * completes normally with that status. Cancelling a returned future aborts the exchange.
 *
 * <p>Implementations are thread-safe and never block the calling thread. The SDK's default is the JDK
 * {@link HttpClient} ({@link #jdk(Duration)}); {@link #discover(Duration)} prefers a provider found on the
 * class path, such as the one of {@code interview-http-jetty}.
 */
public interface HttpTransport extends AutoCloseable {

    /**
     * One exchange with a buffered answer.
     *
     * @param request what to send
     * @return completes with the status, headers and the whole body decoded as UTF-8
     */
    CompletableFuture<TransportResponse> send(TransportRequest request);

    /**
     * One exchange whose successful ({@code 2xx}) body goes to {@code receiver} chunk by chunk as it arrives; the
     * body of any other status is buffered and returned as the response's body instead, with no call of the
     * receiver. {@link TransportRequest#timeout()} bounds the wait for the response head only: the stream may
     * then take as long as it lasts (bounding its silences is the caller's business).
     *
     * @param request what to send
     * @param receiver takes the chunks of a successful body, paces the reading; not {@code null}
     * @return completes when the body has ended; a successful answer's body is then empty
     */
    CompletableFuture<TransportResponse> stream(TransportRequest request, BodyReceiver receiver);

    /**
     * A short name for logs, e.g. {@code jdk} or {@code jetty}.
     *
     * @return the name
     */
    String name();

    /**
     * Stops the connection pool and the threads this transport started, if it started them; a transport over a
     * client given by its owner leaves that client open. Later exchanges fail. Idempotent.
     */
    @Override
    void close();

    /**
     * A transport on a new JDK {@link HttpClient} with a bounded executor of daemon threads
     * {@code openai-http-N-M}, which {@link #close()} stops.
     *
     * @param connectTimeout the longest wait for a connection; positive
     * @return a new transport
     */
    static HttpTransport jdk(Duration connectTimeout) {
        return JdkTransport.open(connectTimeout);
    }

    /**
     * A transport on the caller's JDK {@link HttpClient}, which it uses but never shuts down.
     *
     * @param client not {@code null}
     * @return a new transport over {@code client}
     */
    static HttpTransport jdk(HttpClient client) {
        return JdkTransport.over(client);
    }

    /**
     * A new transport of the {@link HttpTransportProvider} found by {@link ServiceLoader} on the SDK's class
     * loader (the first by {@link HttpTransportProvider#name()} when there are several), else the JDK's
     * ({@link #jdk(Duration)}).
     *
     * @param connectTimeout the longest wait for a connection; positive
     * @return a new transport; close it when done
     */
    static HttpTransport discover(Duration connectTimeout) {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        return ServiceLoader.load(HttpTransportProvider.class, HttpTransportProvider.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get)
                .min(Comparator.comparing(HttpTransportProvider::name))
                .map(p -> p.create(connectTimeout))
                .orElseGet(() -> jdk(connectTimeout));
    }
}

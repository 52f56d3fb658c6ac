package com.landki.interview.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.landki.interview.InterviewVersion;
import com.landki.interview.http.HttpTransport;
import com.landki.interview.http.TransportRequest;
import com.landki.interview.http.TransportResponse;
import com.landki.interview.internal.LogContext;
import com.landki.interview.openai.internal.Connection;
import com.landki.interview.openai.internal.Errors;
import com.landki.interview.openai.internal.Futures;
import com.landki.interview.openai.internal.Json;
import com.landki.interview.openai.internal.Retrier;
import com.landki.interview.openai.internal.SseReceiver;
import com.landki.interview.openai.internal.StreamBrokenException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP client for the OpenAI REST API over an {@link HttpTransport} (the JDK {@link HttpClient} unless
 * another transport is found on the class path or given): JSON calls and Server-Sent-Event streams with OpenAI's
 * headers, retries, timeouts and typed errors. The ChatKit client is built on it; use it directly
 * for endpoints the SDK does not wrap, for example the Responses API:
 *
 * <pre>{@code
 * OpenAiHttp http = OpenAiHttp.create(OpenAiConfig.fromEnv());
 * Map<String, Object> body = Map.of("model", "gpt-4.1-mini", "input", "Hallo", "stream", true);
 * http.postStreamAsync("/responses", body, Map.of(), event -> {
 *     if (event.event().equals("response.output_text.delta")) { ... event.data() is JSON ... }
 * }).join();
 * }</pre>
 *
 * <p>Every request carries {@code Authorization: Bearer <key>}, {@code User-Agent:
 * interview-chatkit/<version> Java/<version>}, {@code OpenAI-Project} / {@code OpenAI-Organization} when
 * configured, and the per-call {@code headers} (which may override all but these defaults' purpose, e.g.
 * {@code OpenAI-Beta: chatkit_beta=v1}). Bodies are written with Jackson ({@code null} fields are left out; a
 * {@code String} body is sent as is and must be JSON; a {@code null} body sends no body).
 *
 * <p>Failures: error statuses become {@link OpenAiApiException} subclasses, timeouts
 * {@link OpenAiTimeoutException}, transport failures {@link OpenAiConnectionException}. Calls are retried by
 * the config's {@link RetryPolicy}; a stream is retried only until the first byte of its body arrived.
 *
 * <p>Thread-safe and meant to be shared: create one per configuration. The asynchronous methods never block;
 * cancelling a returned future aborts the request. The blocking forms wait for the same future, restore the
 * interrupt flag and throw {@link OpenAiException} when interrupted.
 */
public final class OpenAiHttp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpenAiHttp.class);
    private static final String USER_AGENT =
            "interview-chatkit/" + InterviewVersion.get() + " Java/" + System.getProperty("java.version");

    private final OpenAiConfig config;
    private final Connection connection;
    private final Retrier retrier;

    private OpenAiHttp(OpenAiConfig config, Connection connection) {
        this.config = Objects.requireNonNull(config, "config");
        this.connection = connection;
        this.retrier = new Retrier(config.retryPolicy());
    }

    /**
     * A client with its own transport (connect timeout from the config) and threads; {@link #close()} stops them.
     * The transport is {@link HttpTransport#discover}'s: a provider on the class path (e.g.
     * {@code interview-http-jetty}), else the JDK {@link HttpClient}.
     *
     * @param config the connection settings
     * @return a new client; close it when the application stops
     */
    public static OpenAiHttp create(OpenAiConfig config) {
        Objects.requireNonNull(config, "config");
        HttpTransport transport = HttpTransport.discover(config.connectTimeout());
        LOG.debug("OpenAI calls to {} run on the {} HTTP transport", config.baseUrl(), transport.name());
        return new OpenAiHttp(config, Connection.owning(transport));
    }

    /**
     * A client on a given transport, e.g. one shared with other clients or of an HTTP library of your choice;
     * {@link #close()} stops only this client's timer and leaves {@code transport} to its owner.
     *
     * @param config the connection settings; its connect timeout is the given transport's business
     * @param transport not {@code null}; stays open when this client is closed
     * @return a new client
     */
    public static OpenAiHttp create(OpenAiConfig config, HttpTransport transport) {
        Objects.requireNonNull(config, "config");
        return new OpenAiHttp(config, Connection.over(transport));
    }

    /**
     * A client on a given {@link HttpClient}, e.g. one shared with other code or with a custom executor;
     * {@link #close()} stops only this client's timer and leaves {@code httpClient} to its owner.
     *
     * @param config the connection settings; its connect timeout is the given client's business
     * @param httpClient not {@code null}; stays open when this client is closed
     * @return a new client
     */
    public static OpenAiHttp create(OpenAiConfig config, HttpClient httpClient) {
        return create(config, HttpTransport.jdk(httpClient));
    }

    /**
     * The {@code User-Agent} sent with every request, e.g. {@code interview-chatkit/0.1.0 Java/17.0.15}.
     *
     * @return the header value
     */
    public static String userAgent() {
        return USER_AGENT;
    }

    /**
     * The transport this client sends through.
     *
     * @return the transport; {@link IllegalStateException} once this client is closed
     */
    public HttpTransport transport() {
        return connection.transport();
    }

    /**
     * The connection settings this client was made with.
     *
     * @return the settings
     */
    public OpenAiConfig config() {
        return config;
    }

    /**
     * A client like this one on the same transport (and so the same connection pool), with another
     * retry policy, e.g. the same one with a {@link RetryListener} that counts retries.
     *
     * @param retryPolicy the policy of the returned client
     * @return a new client sharing this one's connection pool
     */
    public OpenAiHttp withRetryPolicy(RetryPolicy retryPolicy) {
        return new OpenAiHttp(config.toBuilder().retryPolicy(retryPolicy).build(), connection);
    }

    /**
     * Stops the threads of this client and of every client derived from it with {@link #withRetryPolicy}: they
     * share one connection pool. Calls after that fail with {@link IllegalStateException}. Close it when the
     * application stops (a web application that is undeployed must leave no thread running). Idempotent.
     */
    @Override
    public void close() {
        connection.close();
    }

    /**
     * {@code POST {baseUrl}{path}} with a JSON body; completes with the JSON answer.
     *
     * @param path below the base URL, starting with {@code /}, e.g. {@code /responses}
     * @param body a value Jackson writes as JSON, a JSON {@code String}, or {@code null} for no body
     * @param headers extra request headers; may be empty
     * @return the parsed JSON answer
     */
    public CompletableFuture<JsonNode> postJsonAsync(String path, Object body, Map<String, String> headers) {
        return Futures.map(postJsonResponseAsync(path, body, headers), JsonResponse::body);
    }

    /**
     * Like {@link #postJsonAsync}, also giving the successful response's status and {@code x-request-id}.
     *
     * @param path below the base URL, starting with {@code /}
     * @param body a value Jackson writes as JSON, a JSON {@code String}, or {@code null} for no body
     * @param headers extra request headers; may be empty
     * @return the answer with its status and request id
     */
    public CompletableFuture<JsonResponse> postJsonResponseAsync(String path, Object body,
            Map<String, String> headers) {
        return sendJson("POST", path, Map.of(), body, headers);
    }

    /**
     * {@code POST {baseUrl}{path}} with a body that is not JSON, e.g. {@code multipart/form-data} for
     * {@code /audio/transcriptions}; completes with the JSON answer. Retried and mapped to typed errors like the
     * JSON calls (the same bytes are sent again).
     *
     * @param path below the base URL, starting with {@code /}
     * @param body the encoded body; not {@code null}
     * @param contentType the body's {@code Content-Type}, with its parameters (e.g. the multipart boundary)
     * @param headers extra request headers; may be empty
     * @return the parsed JSON answer
     */
    public CompletableFuture<JsonNode> postBodyAsync(String path, byte[] body, String contentType,
            Map<String, String> headers) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(contentType, "contentType");
        return Futures.map(send("POST", uri(path, Map.of()), body, contentType, headers), JsonResponse::body);
    }

    /**
     * Blocking form of {@link #postJsonAsync}.
     *
     * @param path below the base URL, starting with {@code /}
     * @param body a value Jackson writes as JSON, a JSON {@code String}, or {@code null} for no body
     * @param headers extra request headers; may be empty
     * @return the parsed JSON answer
     */
    public JsonNode postJson(String path, Object body, Map<String, String> headers) {
        return Futures.await(postJsonAsync(path, body, headers));
    }

    /**
     * {@code GET {baseUrl}{path}?query}; {@code null} query values are left out.
     *
     * @param path below the base URL, starting with {@code /}
     * @param query query parameters, encoded here; may be empty
     * @param headers extra request headers; may be empty
     * @return the parsed JSON answer
     */
    public CompletableFuture<JsonNode> getJsonAsync(String path, Map<String, String> query,
            Map<String, String> headers) {
        return Futures.map(sendJson("GET", path, query, null, headers), JsonResponse::body);
    }

    /**
     * Blocking form of {@link #getJsonAsync}.
     *
     * @param path below the base URL, starting with {@code /}
     * @param query query parameters, encoded here; may be empty
     * @param headers extra request headers; may be empty
     * @return the parsed JSON answer
     */
    public JsonNode getJson(String path, Map<String, String> query, Map<String, String> headers) {
        return Futures.await(getJsonAsync(path, query, headers));
    }

    /**
     * {@code DELETE {baseUrl}{path}}; completes with the JSON answer (a missing node when empty).
     *
     * @param path below the base URL, starting with {@code /}
     * @param headers extra request headers; may be empty
     * @return the parsed JSON answer
     */
    public CompletableFuture<JsonNode> deleteAsync(String path, Map<String, String> headers) {
        return Futures.map(sendJson("DELETE", path, Map.of(), null, headers), JsonResponse::body);
    }

    /**
     * Blocking form of {@link #deleteAsync}.
     *
     * @param path below the base URL, starting with {@code /}
     * @param headers extra request headers; may be empty
     * @return the parsed JSON answer
     */
    public JsonNode delete(String path, Map<String, String> headers) {
        return Futures.await(deleteAsync(path, headers));
    }

    /**
     * {@code POST {baseUrl}{path}} expecting {@code text/event-stream}; each event goes to {@code listener} as it
     * arrives. The future completes when the stream ends, or fails with the same exceptions as the JSON calls
     * (an error status before the stream is read as an OpenAI error body). Retried like the JSON calls, but only
     * until the first byte of the body: a stream broken later fails with {@link OpenAiConnectionException}.
     * The per-attempt timeout covers the wait for the response headers, not the stream's length; a stream that
     * sends nothing (not even a keep-alive comment) for {@link OpenAiConfig#streamIdleTimeout()} fails with
     * {@link OpenAiTimeoutException}, retried only if no byte of the body had arrived.
     *
     * @param path below the base URL, starting with {@code /}, e.g. {@code /responses}
     * @param body a value Jackson writes as JSON, a JSON {@code String}, or {@code null} for no body
     * @param headers extra request headers; may be empty
     * @param listener called on the HTTP client's thread for each event, in order; not {@code null}
     * @return completes when the stream has ended
     */
    public CompletableFuture<Void> postStreamAsync(String path, Object body, Map<String, String> headers,
            ServerSentEventListener listener) {
        return postStreamAsync(path, body, headers, listener, null);
    }

    /**
     * Like {@link #postStreamAsync(String, Object, Map, ServerSentEventListener)}, paced by the consumer: after
     * the events of each chunk of the body, {@code ready} is asked for a stage, and the next chunk is read from the
     * socket only once it has completed. A consumer that writes to a slow page returns an incomplete stage
     * while its buffer is full; the upstream then waits in TCP flow control, and no thread waits. {@code null}
     * reads on at once.
     *
     * @param path below the base URL, starting with {@code /}
     * @param body a value Jackson writes as JSON, a JSON {@code String}, or {@code null} for no body
     * @param headers extra request headers; may be empty
     * @param listener called for each event, in order; not {@code null}
     * @param ready asked after each chunk for the stage to wait for; {@code null} never waits
     * @return completes when the stream has ended
     */
    public CompletableFuture<Void> postStreamAsync(String path, Object body, Map<String, String> headers,
            ServerSentEventListener listener, Supplier<? extends CompletionStage<?>> ready) {
        Objects.requireNonNull(listener, "listener");
        URI uri = uri(path, Map.of());
        TransportRequest request = request("POST", uri, toJson(body), "application/json", headers, "text/event-stream");
        String what = "POST " + uri.getRawPath();
        return retrier.run(what,
                (attempt, left) -> streamOnce(what, request.withTimeout(attemptTimeout(left)), listener, ready));
    }

    /**
     * Blocking form of {@link #postStreamAsync}; returns when the stream has ended.
     *
     * @param path below the base URL, starting with {@code /}
     * @param body a value Jackson writes as JSON, a JSON {@code String}, or {@code null} for no body
     * @param headers extra request headers; may be empty
     * @param listener called for each event, in order; not {@code null}
     */
    public void postStream(String path, Object body, Map<String, String> headers, ServerSentEventListener listener) {
        Futures.await(postStreamAsync(path, body, headers, listener));
    }

    private CompletableFuture<JsonResponse> sendJson(String method, String path, Map<String, String> query, Object body,
            Map<String, String> headers) {
        return send(method, uri(path, query), toJson(body), "application/json", headers);
    }

    private CompletableFuture<JsonResponse> send(String method, URI uri, byte[] bytes, String contentType,
            Map<String, String> headers) {
        String what = method + " " + uri.getRawPath();
        LogContext log = LogContext.capture();
        TransportRequest request = request(method, uri, bytes, contentType, headers, "application/json");
        return retrier.run(what, (attempt, left) -> {
            Duration timeout = attemptTimeout(left);
            CompletableFuture<TransportResponse> send = connection.transport().send(request.withTimeout(timeout));
            CompletableFuture<JsonResponse> out = new CompletableFuture<>();
            // the answer and everything chained on it run with the caller's MDC, not the client thread's
            send.whenComplete(log.wrap((response, error) -> {
                if (error != null) {
                    out.completeExceptionally(Errors.fromFailure(error, what, config.apiKey(), timeout));
                    return;
                }
                try {
                    out.complete(readJson(what, attempt, response));
                } catch (RuntimeException e) {
                    out.completeExceptionally(e);
                }
            }));
            // the transport's timeout may only cover the wait for the headers; this also bounds a slow body
            connection.timer().onTimeout(out, timeout, () -> {
                if (out.completeExceptionally(new OpenAiTimeoutException(what + " timed out after " + timeout))) {
                    send.cancel(true);
                }
            });
            out.whenComplete((v, e) -> {
                if (out.isCancelled()) {
                    send.cancel(true);
                }
            });
            return out;
        });
    }

    /** One attempt may take the request timeout, but never longer than what is left of the retry deadline. */
    private Duration attemptTimeout(Duration left) {
        return left.compareTo(config.requestTimeout()) < 0 ? left : config.requestTimeout();
    }

    private JsonResponse readJson(String what, int attempt, TransportResponse response) {
        int status = response.status();
        String requestId = Errors.requestId(response);
        LOG.debug("{} -> {} (attempt {}, request-id {})", what, status, attempt, requestId);
        if (!response.successful()) {
            throw Errors.fromResponse(response, config.apiKey(), config.retryPolicy().clock());
        }
        String body = response.body();
        if (body == null || body.isBlank()) {
            return new JsonResponse(status, requestId, MissingNode.getInstance());
        }
        try {
            return new JsonResponse(status, requestId, Json.MAPPER.readTree(body));
        } catch (IOException e) {
            throw new OpenAiBadResponseException(what + " returned " + status + " with a body that is not JSON;"
                    + " request-id: " + (requestId == null ? "none" : requestId), requestId, e);
        }
    }

    /**
     * A successful JSON answer with what the response's headers say about it.
     *
     * @param status    the 2xx status
     * @param requestId OpenAI's {@code x-request-id} (quote it to OpenAI support), or {@code null} when absent
     * @param body      the JSON body, a missing node when the body was empty
     */
    public record JsonResponse(int status, String requestId, JsonNode body) {
    }

    private CompletableFuture<Void> streamOnce(String what, TransportRequest request, ServerSentEventListener listener,
            Supplier<? extends CompletionStage<?>> ready) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        LogContext log = LogContext.capture();
        SseReceiver receiver = new SseReceiver(listener, ready, done, what, config.streamIdleTimeout(),
                connection.timer());
        CompletableFuture<TransportResponse> send = connection.transport().stream(request, receiver);
        send.whenComplete(log.wrap((response, error) -> {
            if (error != null) {
                RuntimeException mapped = Errors.fromFailure(error, what, config.apiKey(), request.timeout());
                done.completeExceptionally(receiver.started()
                        ? new StreamBrokenException(what + ": stream broken: " + mapped.getMessage(), mapped)
                        : mapped);
                return;
            }
            LOG.debug("{} -> {} stream ended (request-id {})", what, response.status(), Errors.requestId(response));
            if (!response.successful()) {
                done.completeExceptionally(Errors.fromResponse(response, config.apiKey(),
                        config.retryPolicy().clock()));
            } else {
                done.complete(null);
            }
        }));
        // cancelled, a listener failure, silence past the idle timeout: the exchange is given up
        done.whenComplete((v, e) -> {
            if (e != null) {
                send.cancel(true);
            }
        });
        return done;
    }

    /** The request of one call; each attempt sends it {@link TransportRequest#withTimeout with its timeout}. */
    private TransportRequest request(String method, URI uri, byte[] body, String contentType,
            Map<String, String> headers, String accept) {
        TransportRequest.Builder b = TransportRequest.builder(method, uri)
                .header("Authorization", "Bearer " + config.apiKey())
                .header("User-Agent", USER_AGENT)
                .header("Accept", accept);
        if (config.projectId() != null) {
            b.header("OpenAI-Project", config.projectId());
        }
        if (config.organizationId() != null) {
            b.header("OpenAI-Organization", config.organizationId());
        }
        if (body != null) {
            b.header("Content-Type", contentType).body(body);
        }
        if (headers != null) {
            headers.forEach(b::header);
        }
        return b.build();
    }

    private URI uri(String path, Map<String, String> query) {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/', got '" + path + "'");
        }
        StringBuilder sb = new StringBuilder(config.baseUrl().toString()).append(path);
        char sep = path.indexOf('?') < 0 ? '?' : '&';
        if (query != null) {
            for (Map.Entry<String, String> e : query.entrySet()) {
                if (e.getValue() == null) {
                    continue;
                }
                sb.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
                sep = '&';
            }
        }
        return URI.create(sb.toString());
    }

    /**
     * Percent-encodes one path segment or query component (spaces as {@code %20}).
     *
     * @param value the raw text; not {@code null}
     * @return the encoded text, safe inside a URL path segment or query value
     */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] toJson(Object body) {
        if (body == null) {
            return null;
        }
        if (body instanceof String) {
            return ((String) body).getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("body cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}

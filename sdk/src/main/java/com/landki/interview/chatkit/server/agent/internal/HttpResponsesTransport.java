package com.landki.interview.chatkit.server.agent.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.landki.interview.InterviewVersion;
import com.landki.interview.chatkit.server.StreamCancelledException;
import com.landki.interview.chatkit.server.agent.ResponsesTransport;
import com.landki.interview.chatkit.server.agent.UpstreamEvent;
import com.landki.interview.chatkit.server.agent.UpstreamException;
import com.landki.interview.chatkit.server.agent.UpstreamSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ResponsesTransport} on the JDK {@code HttpClient}: retries before the first byte of the stream, then
 * reads the SSE body line by line on the calling thread. Cancelling closes the body stream, which aborts the
 * HTTP exchange. Thread-safe.
 */
public final class HttpResponsesTransport implements ResponsesTransport {

    private static final Logger LOG = LoggerFactory.getLogger(HttpResponsesTransport.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_ERROR_BODY = 16 * 1024;

    private final UpstreamSettings settings;
    private final HttpClient client;
    private final URI uri;

    public HttpResponsesTransport(UpstreamSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.uri = URI.create(settings.baseUrl() + "/responses");
    }

    @Override
    public void stream(JsonNode body, Consumer<UpstreamEvent> events, Consumer<Runnable> onCancel) {
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicReference<InputStream> open = new AtomicReference<>();
        onCancel.accept(() -> {
            cancelled.set(true);
            closeQuietly(open.get());
        });
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize the Responses request", e);
        }
        HttpResponse<InputStream> response = connect(bytes, cancelled);
        InputStream in = response.body();
        open.set(in);
        if (cancelled.get()) {
            closeQuietly(in);
            throw new StreamCancelledException("cancelled before the stream started", null);
        }
        String requestId = response.headers().firstValue("x-request-id").orElse(null);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            readEvents(reader, events);
        } catch (IOException e) {
            if (cancelled.get()) {
                throw new StreamCancelledException("upstream stream closed on cancel", e);
            }
            throw new UpstreamException(0, null, "the Responses stream broke: " + e.getMessage(), requestId, e);
        }
    }

    /** SSE framing: {@code event:} and {@code data:} lines, a blank line ends an event; comments ignored. */
    static void readEvents(BufferedReader reader, Consumer<UpstreamEvent> events) throws IOException {
        String event = null;
        StringBuilder data = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    String payload = data.toString();
                    if (!"[DONE]".equals(payload)) {
                        events.accept(new UpstreamEvent(event, payload));
                    }
                }
                event = null;
                data = null;
            } else if (line.startsWith(":")) {
                continue;
            } else if (line.startsWith("event:")) {
                event = value(line, 6);
            } else if (line.startsWith("data:")) {
                data = data == null ? new StringBuilder() : data.append('\n');
                data.append(value(line, 5));
            }
        }
        if (data != null && !"[DONE]".contentEquals(data)) {
            events.accept(new UpstreamEvent(event, data.toString()));
        }
    }

    private static String value(String line, int from) {
        return line.length() > from && line.charAt(from) == ' ' ? line.substring(from + 1) : line.substring(from);
    }

    private HttpResponse<InputStream> connect(byte[] body, AtomicBoolean cancelled) {
        Duration wait = settings.backoff();
        for (int attempt = 1; ; attempt++) {
            UpstreamException failure;
            Duration retryAfter = null;
            try {
                HttpResponse<InputStream> response = client.send(request(body), HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() / 100 == 2) {
                    return response;
                }
                failure = errorOf(response);
                retryAfter = retryAfter(response);
            } catch (HttpTimeoutException e) {
                failure = new UpstreamException(0, "timeout", "the Responses API did not answer in "
                        + settings.headerTimeout().toSeconds() + " s", null, e);
            } catch (IOException e) {
                failure = new UpstreamException(0, null, "cannot reach the Responses API at " + uri.getHost() + ": "
                        + e.getClass().getSimpleName(), null, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StreamCancelledException("interrupted while calling the Responses API", e);
            }
            if (!failure.retryable() || attempt >= settings.maxAttempts() || cancelled.get()) {
                throw failure;
            }
            Duration pause = retryAfter != null ? min(retryAfter, UpstreamSettings.MAX_BACKOFF) : jitter(wait);
            LOG.info("Responses API attempt {} failed ({}), retrying in {} ms", attempt, failure.getMessage(), pause.toMillis());
            sleep(pause);
            wait = min(wait.multipliedBy(2), UpstreamSettings.MAX_BACKOFF);
        }
    }

    private HttpRequest request(byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(settings.headerTimeout())
                .header("Authorization", "Bearer " + (settings.apiKey() == null ? "" : settings.apiKey()))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .header("User-Agent", "interview-chatkit/" + InterviewVersion.get())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (settings.projectId() != null) {
            builder.header("OpenAI-Project", settings.projectId());
        }
        if (settings.organizationId() != null) {
            builder.header("OpenAI-Organization", settings.organizationId());
        }
        return builder.build();
    }

    private static UpstreamException errorOf(HttpResponse<InputStream> response) {
        String requestId = response.headers().firstValue("x-request-id").orElse(null);
        String text;
        try (InputStream in = response.body()) {
            text = new String(in.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
        } catch (IOException e) {
            text = "";
        }
        String code = null;
        String message = "Responses API error " + response.statusCode();
        try {
            JsonNode error = MAPPER.readTree(text).path("error");
            if (error.isObject()) {
                code = error.path("code").isTextual() ? error.get("code").asText() : error.path("type").asText(null);
                if (error.path("message").isTextual()) {
                    message += ": " + error.get("message").asText();
                }
            }
        } catch (IOException notJson) {
            LOG.debug("non-JSON error body from the Responses API", notJson);
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            message += " (check OPENAI_API_KEY)";
        }
        return new UpstreamException(response.statusCode(), code, message, requestId, null);
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        try {
            var ms = response.headers().firstValue("retry-after-ms");
            if (ms.isPresent()) {
                return Duration.ofMillis(Long.parseLong(ms.get().trim()));
            }
            var seconds = response.headers().firstValue("retry-after");
            return seconds.map(s -> Duration.ofMillis(Math.round(Double.parseDouble(s.trim()) * 1000))).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Duration jitter(Duration base) {
        long millis = base.toMillis();
        return millis <= 0 ? Duration.ZERO : Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamCancelledException("interrupted while waiting to retry", e);
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in == null) {
            return;
        }
        try {
            in.close();
        } catch (IOException e) {
            LOG.debug("closing the upstream stream failed", e);
        }
    }
}

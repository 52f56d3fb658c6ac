package com.landki.interview.openai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.landki.interview.config.Redactor;
import com.landki.interview.http.TransportResponse;
import com.landki.interview.openai.OpenAiApiException;
import com.landki.interview.openai.OpenAiConnectionException;
import com.landki.interview.openai.OpenAiException;
import com.landki.interview.openai.OpenAiTimeoutException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Turns error responses and transport failures into the SDK's exceptions, scrubbing the API key. */
public final class Errors {

    /** Longest excerpt of a non-JSON error body kept in a message. */
    static final int MAX_EXCERPT = 300;

    private Errors() {
    }

    /** Longest upstream {@code x-request-id} kept (OpenAI's are about 40 characters). */
    static final int MAX_REQUEST_ID = 128;

    /**
     * The upstream's {@code x-request-id}, or {@code null} when absent, longer than {@link #MAX_REQUEST_ID} or
     * not printable ASCII: the value is echoed to our clients and written to the log, so an upstream (or
     * anything between it and us) must not be able to put a 20 KB or multi-line header there.
     */
    public static String requestId(TransportResponse response) {
        String value = response.header("x-request-id").orElse(null);
        if (value == null || value.isEmpty() || value.length() > MAX_REQUEST_ID) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return null;
            }
        }
        return value;
    }

    /** The typed exception for an error response; its body may be anything, including HTML or empty. */
    public static OpenAiApiException fromResponse(TransportResponse response, String apiKey, Clock clock) {
        int status = response.status();
        String body = response.body();
        String requestId = requestId(response);
        String type = null;
        String code = null;
        String param = null;
        String message = null;
        JsonNode error = parseError(body);
        if (error != null) {
            type = text(error.get("type"));
            code = text(error.get("code"));
            param = text(error.get("param"));
            message = text(error.get("message"));
        } else if (body != null && !body.isBlank()) {
            String oneLine = body.strip().replaceAll("\\s+", " ");
            message = oneLine.length() > MAX_EXCERPT ? oneLine.substring(0, MAX_EXCERPT) + "…" : oneLine;
        }
        return OpenAiApiException.of(status, type, code, param, scrub(message, apiKey), requestId,
                RetryAfter.parse(response, clock));
    }

    private static JsonNode parseError(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode root = Json.MAPPER.readTree(body);
            if (root == null) {
                return null;
            }
            JsonNode error = root.get("error");
            if (error != null && error.isObject()) {
                return error;
            }
            if (error != null && error.isTextual()) {
                return Json.MAPPER.createObjectNode().put("message", error.asText());
            }
            return root.isObject() && root.has("message") ? root : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    /** Replaces the key and every other secret {@link Redactor} knows by {@code <redacted>}. */
    public static String scrub(String text, String apiKey) {
        if (text == null) {
            return null;
        }
        String scrubbed = apiKey == null || apiKey.isEmpty() ? text : text.replace(apiKey, Redactor.REDACTED);
        return Redactor.redact(scrubbed);
    }

    /** Unwraps {@link CompletionException} and {@link ExecutionException}. */
    public static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while ((cur instanceof CompletionException || cur instanceof ExecutionException) && cur.getCause() != null) {
            cur = cur.getCause();
        }
        return cur;
    }

    /** The SDK exception for a transport failure of {@code what} (e.g. {@code POST /chatkit/sessions}). */
    public static RuntimeException fromFailure(Throwable failure, String what, String apiKey, Duration timeout) {
        Throwable t = unwrap(failure);
        if (t instanceof OpenAiException) {
            return (OpenAiException) t;
        }
        String detail = scrub(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage(), apiKey);
        if (t instanceof HttpConnectTimeoutException || t instanceof SocketTimeoutException) {
            return new OpenAiTimeoutException(what + " timed out connecting: " + detail, t);
        }
        if (t instanceof HttpTimeoutException || t instanceof TimeoutException) {
            return new OpenAiTimeoutException(what + " timed out after " + timeout, t);
        }
        if (t instanceof IOException) {
            return new OpenAiConnectionException(what + " failed: " + detail, t);
        }
        if (t instanceof RuntimeException) {
            return (RuntimeException) t;
        }
        return new OpenAiException(what + " failed: " + detail, t);
    }
}

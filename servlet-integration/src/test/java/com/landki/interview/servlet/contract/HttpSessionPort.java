package com.landki.interview.servlet.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.landki.interview.servlet.internal.Json;
import com.landki.interview.servlet.internal.SessionPort;
import com.landki.interview.openai.OpenAiApiException;
import com.landki.interview.openai.OpenAiConnectionException;
import com.landki.interview.openai.OpenAiTimeoutException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Stand-in for the SDK's ChatKit client until it lands: one POST /chatkit/sessions, no retries. */
final class HttpSessionPort implements SessionPort {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final Duration timeout;

    HttpSessionPort(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.timeout = timeout;
    }

    @Override
    public CompletableFuture<Grant> createSession(String userId) {
        String body = "{\"workflow\":{\"id\":\"wf_test\"},\"user\":\"" + userId + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/chatkit/sessions"))
                .timeout(timeout).header("Authorization", "Bearer sk-test").header("OpenAI-Beta", "chatkit_beta=v1")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((res, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                if (cause instanceof HttpTimeoutException) {
                    throw new OpenAiTimeoutException("timeout", cause);
                }
                throw new OpenAiConnectionException("connect failed", cause);
            }
            String requestId = res.headers().firstValue("x-request-id").orElse(null);
            try {
                JsonNode json = Json.MAPPER.readTree(res.body());
                if (res.statusCode() / 100 != 2) {
                    Duration retry = res.headers().firstValue("Retry-After").map(s -> Duration.ofSeconds(Long.parseLong(s)))
                            .orElse(null);
                    throw OpenAiApiException.of(res.statusCode(), null, null, null,
                            json.path("error").path("message").asText(""), requestId, retry);
                }
                return new Grant(json.path("client_secret").asText(), json.path("expires_at").asLong(),
                        json.path("id").asText(), requestId);
            } catch (IOException e) {
                throw OpenAiApiException.of(res.statusCode(), null, null, null, "unreadable body", requestId, null);
            }
        });
    }
}

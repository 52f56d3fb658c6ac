package com.landki.interview.servlet.internal;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Maps OpenAI API failures to our HTTP answers (MISSION.md §5, "Upstream errors"). Stateless. */
public final class UpstreamErrors {

    private UpstreamErrors() {
    }

    /** Unwraps {@link CompletionException} and friends. */
    public static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    public static ApiException toApi(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof ApiException api) {
            return api;
        }
        if (cause instanceof TimeoutException || cause instanceof CancellationException) {
            return new ApiException(504, "upstream_timeout", "the ChatKit API did not answer in time; try again");
        }
        if (!(cause instanceof UpstreamException up)) {
            return new ApiException(500, "internal_error", "unexpected server error; see the server log");
        }
        ApiException mapped;
        switch (up.kind()) {
            case TIMEOUT:
                mapped = new ApiException(504, "upstream_timeout", "the ChatKit API did not answer in time; try again");
                break;
            case CONNECTION:
                mapped = new ApiException(502, "upstream_error",
                        "the ChatKit API could not be reached; check the network and OPENAI_BASE_URL");
                break;
            default:
                mapped = fromStatus(up);
        }
        if (up.requestId() != null) {
            mapped = mapped.withHeader("x-request-id", up.requestId());
        }
        return mapped;
    }

    private static ApiException fromStatus(UpstreamException up) {
        int status = up.status();
        if (status == 400) {
            return new ApiException(502, "upstream_bad_request", "ChatKit API error 400: " + safeMessage(up));
        }
        if (status == 401 || status == 403) {
            return new ApiException(502, "upstream_unauthorized",
                    "ChatKit API error " + status + ": check OPENAI_API_KEY (and OPENAI_PROJECT_ID / OPENAI_ORG_ID)");
        }
        if (status == 429) {
            Duration retry = up.retryAfter() != null ? up.retryAfter() : Duration.ofSeconds(5);
            long seconds = Math.max(1, (retry.toMillis() + 999) / 1000);
            return new ApiException(503, "upstream_rate_limited",
                    "the ChatKit API is rate limiting us; retry in " + seconds + " s")
                    .withHeader("Retry-After", Long.toString(seconds));
        }
        if (status == 404) {
            return new ApiException(502, "upstream_bad_request", "ChatKit API error 404: " + safeMessage(up)
                    + " (check OPENAI_WORKFLOW_ID)");
        }
        if (status == 408) {
            return new ApiException(504, "upstream_timeout", "the ChatKit API did not answer in time; try again");
        }
        return new ApiException(502, "upstream_error", "ChatKit API error " + status + "; try again later");
    }

    private static String safeMessage(UpstreamException up) {
        String message = up.getMessage();
        if (message == null || message.isBlank()) {
            return "the request was rejected";
        }
        // the upstream message is about our request (e.g. a missing workflow id), never about the key itself;
        // still cap it so a huge upstream body cannot flood the client
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }
}

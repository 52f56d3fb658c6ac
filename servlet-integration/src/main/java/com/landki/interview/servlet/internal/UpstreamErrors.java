package com.landki.interview.servlet.internal;

import com.landki.interview.openai.OpenAiApiException;
import com.landki.interview.openai.OpenAiConnectionException;
import com.landki.interview.openai.OpenAiTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Maps OpenAI API failures to our HTTP answers (the table in docs/integration.md, "Troubleshooting"). Stateless. */
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

    /** True for failures this class maps (the caller logs anything else as a bug). */
    public static boolean isUpstream(Throwable error) {
        Throwable cause = unwrap(error);
        return cause instanceof OpenAiApiException || cause instanceof OpenAiTimeoutException
                || cause instanceof OpenAiConnectionException || cause instanceof TimeoutException;
    }

    /** The upstream HTTP status of a failure, or {@code null} when there was no HTTP answer. */
    public static Integer upstreamStatus(Throwable error) {
        return unwrap(error) instanceof OpenAiApiException api ? api.statusCode() : null;
    }

    /** The upstream {@code x-request-id} of a failure, or {@code null}. */
    public static String requestId(Throwable error) {
        return unwrap(error) instanceof OpenAiApiException api ? api.requestId() : null;
    }

    public static ApiException toApi(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof ApiException api) {
            return api;
        }
        if (cause instanceof OpenAiTimeoutException || cause instanceof TimeoutException
                || cause instanceof CancellationException) {
            return timeout();
        }
        if (cause instanceof OpenAiConnectionException) {
            return new ApiException(502, "upstream_error",
                    "the ChatKit API could not be reached; check the network and OPENAI_BASE_URL");
        }
        if (!(cause instanceof OpenAiApiException api)) {
            return new ApiException(500, "internal_error", "unexpected server error; see the server log");
        }
        ApiException mapped = fromStatus(api);
        return api.requestId() == null ? mapped : mapped.withHeader("x-request-id", api.requestId());
    }

    private static ApiException timeout() {
        return new ApiException(504, "upstream_timeout", "the ChatKit API did not answer in time; try again");
    }

    private static ApiException fromStatus(OpenAiApiException api) {
        int status = api.statusCode();
        if (status == 400 || status == 404 || status == 422) {
            String hint = status == 404 ? " (check OPENAI_WORKFLOW_ID)" : "";
            return new ApiException(502, "upstream_bad_request",
                    "ChatKit API error " + status + ": " + safeMessage(api) + hint);
        }
        if (status == 401 || status == 403) {
            return new ApiException(502, "upstream_unauthorized",
                    "ChatKit API error " + status + ": check OPENAI_API_KEY (and OPENAI_PROJECT_ID / OPENAI_ORG_ID)");
        }
        if (status == 429) {
            Duration retry = api.retryAfter().orElse(Duration.ofSeconds(5));
            long seconds = Math.max(1, (retry.toMillis() + 999) / 1000);
            return new ApiException(503, "upstream_rate_limited",
                    "the ChatKit API is rate limiting us; retry in " + seconds + " s")
                    .withHeader("Retry-After", Long.toString(seconds));
        }
        if (status == 408) {
            return timeout();
        }
        return new ApiException(502, "upstream_error", "ChatKit API error " + status + "; try again later");
    }

    private static String safeMessage(OpenAiApiException api) {
        String message = api.errorMessage();
        if (message == null || message.isBlank()) {
            return "the request was rejected";
        }
        // the SDK already strips secrets; the cap keeps a huge upstream body out of our answer
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }
}

package com.landki.interview.openai.internal;

import com.landki.interview.openai.OpenAiApiException;
import com.landki.interview.openai.OpenAiBadResponseException;
import com.landki.interview.openai.OpenAiConnectionException;
import com.landki.interview.openai.OpenAiTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * What a failed OpenAI call means, the one mapping of upstream statuses to meanings and messages: the servlet's
 * HTTP answers ({@code /chatkit/session}, erasure) and the Responses agent's stream errors both read it.
 * Messages name the setting to check and never carry a secret (the SDK scrubs the key from upstream text).
 *
 * @param status     the upstream HTTP status, or {@code null} when there was no HTTP answer
 * @param requestId  the upstream {@code x-request-id}, or {@code null}
 * @param detail     the upstream's own error message, capped; {@code null} when it gave none
 * @param retryAfter the upstream's wait before a retry (429), or {@code null}
 */
public record UpstreamFailure(Kind kind, Integer status, String requestId, String detail, Duration retryAfter) {

    /** Longest upstream message kept in ours. */
    static final int MAX_DETAIL = 300;
    /** Wait suggested for a 429 that named none. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    /** The classes of upstream failure, each with the error code our API answers and whether a retry may help. */
    public enum Kind {
        /** No answer within the deadline, or 408. */
        TIMEOUT("upstream_timeout", true),
        /** No connection (DNS, refused, TLS). */
        UNREACHABLE("upstream_error", true),
        /** 400, 404, 422: the request or the configuration it names is wrong. */
        BAD_REQUEST("upstream_bad_request", false),
        /** 401, 403: the key, project or organization. */
        UNAUTHORIZED("upstream_unauthorized", false),
        /** 429 after the client's own retries. */
        RATE_LIMITED("upstream_rate_limited", true),
        /** Any other status, 5xx above all. */
        SERVER_ERROR("upstream_error", true),
        /** A 2xx answer this server cannot use: not JSON, or a required field missing or of the wrong type. */
        BAD_RESPONSE("upstream_bad_response", false);

        private final String code;
        private final boolean retryable;

        Kind(String code, boolean retryable) {
            this.code = code;
            this.retryable = retryable;
        }

        public String code() {
            return code;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    /** Which OpenAI API was called: its name in messages and what to check when it answers 404. */
    public enum Api {
        CHATKIT("ChatKit API", "OPENAI_WORKFLOW_ID"),
        RESPONSES("Responses API", "OPENAI_MODEL and OPENAI_VECTOR_STORE_ID"),
        /** The Responses API called without file_search: a 404 cannot be about a vector store. */
        RESPONSES_WITHOUT_SEARCH("Responses API", "OPENAI_MODEL"),
        TRANSCRIPTION("Audio transcription API", "OPENAI_TRANSCRIBE_MODEL");

        private final String label;
        private final String notFoundHint;

        Api(String label, String notFoundHint) {
            this.label = label;
            this.notFoundHint = notFoundHint;
        }
    }

    /** The meaning of {@code error} (unwrapped from completion wrappers), or {@code null} when it is not upstream. */
    public static UpstreamFailure of(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof OpenAiApiException api) {
            return fromStatus(api);
        }
        if (cause instanceof OpenAiBadResponseException bad) {
            return new UpstreamFailure(Kind.BAD_RESPONSE, null, bad.requestId(), null, null);
        }
        if (cause instanceof OpenAiTimeoutException || cause instanceof TimeoutException) {
            return timeout();
        }
        if (cause instanceof OpenAiConnectionException) {
            return new UpstreamFailure(Kind.UNREACHABLE, null, null, null, null);
        }
        return null;
    }

    /** No answer in time. */
    public static UpstreamFailure timeout() {
        return new UpstreamFailure(Kind.TIMEOUT, null, null, null, null);
    }

    /** Unwraps {@link CompletionException} and {@link ExecutionException}. */
    public static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static UpstreamFailure fromStatus(OpenAiApiException api) {
        int status = api.statusCode();
        Kind kind = switch (status) {
            case 400, 404, 422 -> Kind.BAD_REQUEST;
            case 401, 403 -> Kind.UNAUTHORIZED;
            case 408 -> Kind.TIMEOUT;
            case 429 -> Kind.RATE_LIMITED;
            default -> Kind.SERVER_ERROR;
        };
        String detail = api.errorMessage();
        if (detail != null && detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL) + "…";
        }
        Duration retryAfter = kind == Kind.RATE_LIMITED ? api.retryAfter().orElse(DEFAULT_RETRY_AFTER) : null;
        return new UpstreamFailure(kind, status, api.requestId(), detail == null || detail.isBlank() ? null : detail,
                retryAfter);
    }

    /** The status our API answers such a failure with: 504 for a timeout, 503 when rate limited, else 502. */
    public int httpStatus() {
        return switch (kind) {
            case TIMEOUT -> 504;
            case RATE_LIMITED -> 503;
            default -> 502;
        };
    }

    /** Whole seconds to wait before a retry of a rate-limited call (at least 1); {@code 0} for other failures. */
    public long retryAfterSeconds() {
        return retryAfter == null ? 0 : Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** The message for a person who runs the service: what failed and which setting to check. */
    public String message(Api api) {
        return switch (kind) {
            case TIMEOUT -> "the " + api.label + " did not answer in time; try again";
            case UNREACHABLE -> "the " + api.label + " could not be reached; check the network and OPENAI_BASE_URL";
            case BAD_REQUEST -> api.label + " error " + status + ": "
                    + (detail == null ? "the request was rejected" : detail)
                    + (status == 404 ? " (check " + api.notFoundHint + ")" : "");
            case UNAUTHORIZED -> api.label + " error " + status
                    + ": check OPENAI_API_KEY (and OPENAI_PROJECT_ID / OPENAI_ORG_ID)";
            case RATE_LIMITED -> "the " + api.label + " is rate limiting us; retry in " + retryAfterSeconds() + " s";
            case SERVER_ERROR -> api.label + " error " + status + "; try again later";
            case BAD_RESPONSE -> "the " + api.label + " answered with a body this server cannot use; try again later";
        };
    }
}

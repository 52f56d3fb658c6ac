package com.landki.interview.servlet.internal;

import com.landki.interview.openai.internal.UpstreamFailure;
import java.util.concurrent.CancellationException;

/**
 * OpenAI API failures as our HTTP answers (the table in docs/integration.md, "Troubleshooting"): the meaning and
 * message come from the SDK's one mapping ({@link UpstreamFailure}), this class adds status and headers. Stateless.
 */
public final class UpstreamErrors {

    private UpstreamErrors() {
    }

    /** Unwraps {@link java.util.concurrent.CompletionException} and friends. */
    public static Throwable unwrap(Throwable error) {
        return UpstreamFailure.unwrap(error);
    }

    /** True for failures this class maps (the caller logs anything else as a bug). */
    public static boolean isUpstream(Throwable error) {
        return UpstreamFailure.of(error) != null;
    }

    /** The upstream HTTP status of a failure, or {@code null} when there was no HTTP answer. */
    public static Integer upstreamStatus(Throwable error) {
        UpstreamFailure failure = UpstreamFailure.of(error);
        return failure == null ? null : failure.status();
    }

    /** The upstream {@code x-request-id} of a failure, or {@code null}. */
    public static String requestId(Throwable error) {
        UpstreamFailure failure = UpstreamFailure.of(error);
        return failure == null ? null : failure.requestId();
    }

    public static ApiException toApi(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof ApiException api) {
            return api;
        }
        UpstreamFailure failure = cause instanceof CancellationException ? UpstreamFailure.timeout()
                : UpstreamFailure.of(cause);
        if (failure == null) {
            return new ApiException(500, "internal_error", "unexpected server error; see the server log");
        }
        ApiException mapped = new ApiException(failure.httpStatus(), failure.kind().code(),
                failure.message(UpstreamFailure.Api.CHATKIT));
        if (failure.retryAfter() != null) {
            mapped = mapped.withHeader("Retry-After", Long.toString(failure.retryAfterSeconds()));
        }
        return failure.requestId() == null ? mapped : mapped.withHeader("x-request-id", failure.requestId());
    }
}

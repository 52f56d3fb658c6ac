package com.landki.interview.openai.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.landki.interview.openai.OpenAiApiException;
import com.landki.interview.openai.OpenAiConnectionException;
import com.landki.interview.openai.OpenAiTimeoutException;
import com.landki.interview.openai.internal.UpstreamFailure.Api;
import com.landki.interview.openai.internal.UpstreamFailure.Kind;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** One test per class of upstream status: what it means, whether a retry may help, and what the message says. */
class UpstreamFailureTest {

    private static UpstreamFailure status(int status, String message, Duration retryAfter) {
        return UpstreamFailure.of(OpenAiApiException.of(status, null, null, null, message, "req_1", retryAfter));
    }

    @Test
    void badRequestsNameTheUpstreamReasonAndAreNotRetried() {
        for (int code : new int[] {400, 404, 422}) {
            UpstreamFailure failure = status(code, "Missing workflow id", null);
            assertThat(failure.kind()).as("%d", code).isEqualTo(Kind.BAD_REQUEST);
            assertThat(failure.kind().retryable()).isFalse();
            assertThat(failure.kind().code()).isEqualTo("upstream_bad_request");
            assertThat(failure.message(Api.CHATKIT)).startsWith("ChatKit API error " + code + ": Missing workflow id");
        }
        assertThat(status(404, null, null).message(Api.CHATKIT)).contains("the request was rejected")
                .endsWith("(check OPENAI_WORKFLOW_ID)");
        assertThat(status(404, "no such model", null).message(Api.RESPONSES)).contains("Responses API error 404")
                .endsWith("(check OPENAI_MODEL and OPENAI_VECTOR_STORE_ID)");
        // no file_search in the request: the vector store cannot be what was not found
        assertThat(status(404, "no such model", null).message(Api.RESPONSES_WITHOUT_SEARCH))
                .endsWith("(check OPENAI_MODEL)");
        assertThat(status(400, "x".repeat(1000), null).detail()).hasSize(UpstreamFailure.MAX_DETAIL + 1);
    }

    @Test
    void unauthorizedNamesTheKeyNotTheUpstreamText() {
        for (int code : new int[] {401, 403}) {
            UpstreamFailure failure = status(code, "Incorrect API key provided: sk-***", null);
            assertThat(failure.kind()).isEqualTo(Kind.UNAUTHORIZED);
            assertThat(failure.kind().retryable()).isFalse();
            assertThat(failure.message(Api.RESPONSES)).isEqualTo("Responses API error " + code
                    + ": check OPENAI_API_KEY (and OPENAI_PROJECT_ID / OPENAI_ORG_ID)");
        }
    }

    @Test
    void rateLimitsCarryTheWaitInWholeSeconds() {
        UpstreamFailure failure = status(429, "slow down", Duration.ofMillis(2500));
        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.kind().retryable()).isTrue();
        assertThat(failure.kind().code()).isEqualTo("upstream_rate_limited");
        assertThat(failure.retryAfterSeconds()).isEqualTo(3);
        assertThat(failure.message(Api.CHATKIT)).isEqualTo("the ChatKit API is rate limiting us; retry in 3 s");
        assertThat(status(429, null, null).retryAfterSeconds()).isEqualTo(5);
        assertThat(status(429, null, Duration.ofMillis(1)).retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void serverErrorsAreRetryableAndKeepTheRequestId() {
        for (int code : new int[] {409, 500, 502, 503}) {
            UpstreamFailure failure = status(code, "boom", null);
            assertThat(failure.kind()).as("%d", code).isEqualTo(Kind.SERVER_ERROR);
            assertThat(failure.kind().retryable()).isTrue();
            assertThat(failure.kind().code()).isEqualTo("upstream_error");
            assertThat(failure.requestId()).isEqualTo("req_1");
            assertThat(failure.status()).isEqualTo(code);
            assertThat(failure.retryAfterSeconds()).isZero();
            assertThat(failure.message(Api.CHATKIT)).isEqualTo("ChatKit API error " + code + "; try again later");
        }
    }

    @Test
    void timeoutsAnd408MeanNoAnswerInTime() {
        assertThat(status(408, null, null).kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(UpstreamFailure.of(new OpenAiTimeoutException("deadline")).kind()).isEqualTo(Kind.TIMEOUT);
        UpstreamFailure wrapped = UpstreamFailure.of(new CompletionException(new TimeoutException()));
        assertThat(wrapped.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(wrapped.status()).isNull();
        assertThat(wrapped.kind().code()).isEqualTo("upstream_timeout");
        assertThat(wrapped.message(Api.CHATKIT)).isEqualTo("the ChatKit API did not answer in time; try again");
    }

    @Test
    void connectionFailuresPointAtTheNetwork() {
        UpstreamFailure failure = UpstreamFailure.of(new ExecutionException(
                new OpenAiConnectionException("refused", null)));
        assertThat(failure.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(failure.kind().retryable()).isTrue();
        assertThat(failure.message(Api.RESPONSES)).contains("OPENAI_BASE_URL");
    }

    @Test
    void otherFailuresAreNotUpstream() {
        assertThat(UpstreamFailure.of(new IllegalStateException("bug"))).isNull();
        assertThat(UpstreamFailure.of(new CompletionException(new IllegalArgumentException()))).isNull();
    }
}

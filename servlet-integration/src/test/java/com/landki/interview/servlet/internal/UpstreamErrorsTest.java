package com.landki.interview.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.landki.interview.openai.OpenAiApiException;
import com.landki.interview.openai.OpenAiConnectionException;
import com.landki.interview.openai.OpenAiTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class UpstreamErrorsTest {

    private static ApiException map(int status, Duration retryAfter) {
        return UpstreamErrors.toApi(new CompletionException(
                OpenAiApiException.of(status, null, null, null, "Missing workflow id", "req_x", retryAfter)));
    }

    @Test
    void mapsEveryUpstreamStatus() {
        assertThat(map(400, null)).extracting(ApiException::status, ApiException::code)
                .containsExactly(502, "upstream_bad_request");
        assertThat(map(400, null).getMessage()).contains("Missing workflow id");
        assertThat(map(401, null).code()).isEqualTo("upstream_unauthorized");
        assertThat(map(403, null).getMessage()).contains("OPENAI_API_KEY");
        assertThat(map(429, Duration.ofMillis(2500))).extracting(ApiException::status, ApiException::code)
                .containsExactly(503, "upstream_rate_limited");
        assertThat(map(429, Duration.ofMillis(2500)).headers()).containsEntry("Retry-After", "3");
        assertThat(map(500, null)).extracting(ApiException::status, ApiException::code)
                .containsExactly(502, "upstream_error");
        assertThat(map(503, null).headers()).containsEntry("x-request-id", "req_x");
    }

    @Test
    void mapsTimeoutsAndConnectionFailures() {
        assertThat(UpstreamErrors.toApi(new OpenAiTimeoutException("deadline")))
                .extracting(ApiException::status, ApiException::code).containsExactly(504, "upstream_timeout");
        assertThat(UpstreamErrors.toApi(new OpenAiConnectionException("refused", null)).status()).isEqualTo(502);
    }

    @Test
    void unknownFailuresShowNoDetail() {
        ApiException api = UpstreamErrors.toApi(new IllegalStateException("secret internals"));
        assertThat(api.status()).isEqualTo(500);
        assertThat(api.getMessage()).doesNotContain("secret internals");
    }
}

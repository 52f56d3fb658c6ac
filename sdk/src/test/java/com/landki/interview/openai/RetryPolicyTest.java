package com.landki.interview.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void backoffGrowsExponentiallyUpToTheCap() {
        RetryPolicy policy = RetryPolicy.builder().jitter(0.0).initialBackoff(Duration.ofMillis(500))
                .multiplier(2.0).maxBackoff(Duration.ofSeconds(3)).build();

        assertThat(policy.backoff(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoff(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoff(4)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void jitterTakesOffARandomShare() {
        RetryPolicy policy = RetryPolicy.builder().jitter(0.25).random(() -> 1.0).build();
        RetryPolicy none = RetryPolicy.builder().jitter(0.25).random(() -> 0.0).build();

        assertThat(policy.backoff(1)).isEqualTo(Duration.ofMillis(375));
        assertThat(none.backoff(1)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void retryAfterIsCappedAndNeverNegative() {
        RetryPolicy policy = RetryPolicy.builder().maxRetryAfter(Duration.ofSeconds(30)).build();

        assertThat(policy.capRetryAfter(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.capRetryAfter(Duration.ofSeconds(120))).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.capRetryAfter(Duration.ofSeconds(-5))).isEqualTo(Duration.ZERO);
    }

    @Test
    void retryableStatusesAreExactlyTheDocumentedOnes() {
        for (int status = 100; status < 600; status++) {
            boolean expected = status == 408 || status == 409 || status == 429 || status >= 500;
            assertThat(RetryPolicy.isRetryableStatus(status)).as("status %d", status).isEqualTo(expected);
        }
    }

    @Test
    void transportFailuresAreRetryableOtherExceptionsAreNot() {
        assertThat(RetryPolicy.isRetryable(new OpenAiConnectionException("x", new IOException()))).isTrue();
        assertThat(RetryPolicy.isRetryable(new OpenAiTimeoutException("x"))).isTrue();
        assertThat(RetryPolicy.isRetryable(new OpenAiException("x"))).isFalse();
        assertThat(RetryPolicy.isRetryable(new IllegalStateException("x"))).isFalse();
    }

    @Test
    void defaultsAreThreeAttemptsWithJitterAndADeadline() {
        RetryPolicy policy = RetryPolicy.ofDefaults();

        assertThat(policy.maxAttempts()).isEqualTo(3);
        assertThat(policy.jitter()).isEqualTo(0.25);
        assertThat(policy.deadline()).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.maxRetryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    }

    @Test
    void validationMessagesNameTheParameter() {
        RetryPolicy.Builder b = RetryPolicy.builder();
        assertThatThrownBy(() -> b.maxAttempts(0)).hasMessage("maxAttempts must be between 1 and 10, got 0");
        assertThatThrownBy(() -> b.jitter(1.5)).hasMessageContaining("jitter must be between 0.0 and 1.0");
        assertThatThrownBy(() -> b.multiplier(0.5)).hasMessageContaining("multiplier must be");
        assertThatThrownBy(() -> b.deadline(Duration.ZERO)).hasMessageContaining("deadline must be positive");
        assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(10))
                .maxBackoff(Duration.ofSeconds(1)).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("initialBackoff")
                .hasMessageContaining("maxBackoff");
    }
}

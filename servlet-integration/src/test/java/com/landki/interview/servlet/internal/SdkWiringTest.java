package com.landki.interview.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.landki.interview.openai.OpenAiConfig;
import com.landki.interview.openai.RetryPolicy;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SdkWiringTest {

    @Test
    void retriesAreCountedAndTheEarlierListenerStillHears() {
        List<Duration> waits = new ArrayList<>();
        OpenAiConfig config = OpenAiConfig.builder().apiKey("sk-test")
                .retryPolicy(RetryPolicy.builder().listener((call, attempt, failure, wait) -> waits.add(wait)).build())
                .build();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        OpenAiConfig counting = SdkWiring.countingRetries(config, registry);
        counting.retryPolicy().listener().onRetry("POST /v1/chatkit/sessions", 1, new RuntimeException(), Duration.ofMillis(7));
        counting.retryPolicy().listener().onRetry("POST /v1/chatkit/sessions", 2, new RuntimeException(), Duration.ofMillis(9));
        assertThat(waits).containsExactly(Duration.ofMillis(7), Duration.ofMillis(9));
        assertThat(new ApiMetrics(registry).scrape()).contains("interview_upstream_retries_total 2.0");
    }

    @Test
    void envMapKeepsOnlySetSdkVariables() {
        assertThat(SdkWiring.envMap(name -> name.equals("OPENAI_API_KEY") ? "sk" : name.equals("HOME") ? "/root" : null))
                .containsOnlyKeys("OPENAI_API_KEY");
    }
}

package com.landki.interview.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.landki.interview.chatkit.ChatKitClient;
import com.landki.interview.config.ConfigSource;
import com.landki.interview.openai.OpenAiConfig;
import com.landki.interview.openai.RetryListener;
import com.landki.interview.openai.RetryPolicy;
import com.landki.interview.servlet.InterviewApiOptions;
import com.landki.interview.store.InterviewStore;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SdkWiringTest {

    @Test
    void retriesAreCountedAndTheEarlierListenerStillHears() {
        List<Duration> waits = new ArrayList<>();
        OpenAiConfig config = OpenAiConfig.builder().apiKey("sk-test")
                .retryPolicy(RetryPolicy.builder().listener((call, attempt, failure, wait) -> waits.add(wait)).build())
                .build();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        RetryPolicy counting = RetryCounting.policy(config.retryPolicy(), registry);
        assertThat(RetryCounting.policy(counting, registry)).as("applied twice counts once").isSameAs(counting);
        counting.listener().onRetry("POST /v1/chatkit/sessions", 1, new RuntimeException(), Duration.ofMillis(7));
        counting.listener().onRetry("POST /v1/chatkit/sessions", 2, new RuntimeException(), Duration.ofMillis(9));
        assertThat(waits).containsExactly(Duration.ofMillis(7), Duration.ofMillis(9));
        assertThat(new ApiMetrics(registry).scrape()).contains("interview_upstream_retries_total 2.0");
    }

    @Test
    void optionsCountRetriesOfAClientGivenInCodeOnceAndOfHostPolicies() {
        List<String> calls = new ArrayList<>();
        ChatKitClient given = ChatKitClient.builder().apiKey("sk-test").defaultWorkflowId("wf_1")
                .retryPolicy(RetryPolicy.builder().listener((call, attempt, failure, wait) -> calls.add(call)).build())
                .build();
        InterviewApiOptions options = InterviewApiOptions.builder().store(InterviewStore.inMemory())
                .chatKitClient(given).build();
        InterviewApiOptions copy = options.toBuilder().build();

        RetryListener listener = copy.chatKitClient().config().retryPolicy().listener();
        assertThat(listener).isSameAs(options.chatKitClient().config().retryPolicy().listener());
        listener.onRetry("POST /v1/chatkit/sessions", 1, new RuntimeException(), Duration.ZERO);
        options.countingRetries(RetryPolicy.ofDefaults()).listener()
                .onRetry("POST /v1/responses", 1, new RuntimeException(), Duration.ZERO);

        assertThat(calls).containsExactly("POST /v1/chatkit/sessions");
        assertThat(options.meterRegistry().scrape()).contains("interview_upstream_retries_total 2.0");
    }

    @Test
    void theSdkPartsReadTheSameSourceAsTheApi(@TempDir Path dir) {
        Map<String, String> parameters = Map.of("INTERVIEW_STORE", "memory", "INTERVIEW_LOG_DIR", dir.toString(),
                "CHATKIT_BACKEND", "hosted", "OPENAI_API_KEY", "sk-test", "OPENAI_WORKFLOW_ID", "wf_params");
        InterviewApiOptions options = InterviewApiOptions.from(ConfigSource.of(parameters));
        try {
            assertThat(options.store().type()).isEqualTo("memory");
            assertThat(options.chatKitClient().defaultWorkflowId()).isEqualTo("wf_params");
            assertThat(options.chatConfigured()).isTrue();
        } finally {
            options.closeOwned();
        }
    }
}

package com.landki.interview.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.landki.interview.chatkit.ChatKitClient;
import com.landki.interview.config.ChatBackend;
import com.landki.interview.config.ConfigSource;
import com.landki.interview.config.Settings;
import com.landki.interview.openai.OpenAiConfig;
import com.landki.interview.openai.RetryListener;
import com.landki.interview.openai.RetryPolicy;
import com.landki.interview.servlet.InterviewApiOptions;
import com.landki.interview.store.InterviewStore;
import com.landki.interview.store.StoreConfig;
import com.landki.interview.store.StoreLockedException;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiComponentsTest {

    @TempDir
    Path dir;

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
        assertThat(new ApiMetrics(registry, "hosted").scrape(null).text()).contains("interview_upstream_retries_total 2.0");
    }

    @Test
    void aClientGivenInCodeIsCountedOnceAndHostPoliciesToo() {
        List<String> calls = new ArrayList<>();
        ChatKitClient given = ChatKitClient.builder().apiKey("sk-test").defaultWorkflowId("wf_1")
                .retryPolicy(RetryPolicy.builder().listener((call, attempt, failure, wait) -> calls.add(call)).build())
                .build();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        InterviewApiOptions options = InterviewApiOptions.builder().store(InterviewStore.inMemory())
                .meterRegistry(registry).backend(b -> b.chatKitClient(given)).build();
        try (ApiComponents parts = ApiComponents.open(options.toBuilder().build())) {
            RetryListener listener = parts.chatKitClient.config().retryPolicy().listener();
            listener.onRetry("POST /v1/chatkit/sessions", 1, new RuntimeException(), Duration.ZERO);
        }
        options.countingRetries(RetryPolicy.ofDefaults()).listener()
                .onRetry("POST /v1/responses", 1, new RuntimeException(), Duration.ZERO);

        assertThat(calls).containsExactly("POST /v1/chatkit/sessions");
        assertThat(registry.scrape()).contains("interview_upstream_retries_total 2.0");
    }

    @Test
    void theSdkPartsReadTheSameSourceAsTheApi() {
        Map<String, String> parameters = Map.of("INTERVIEW_STORE", "memory", "INTERVIEW_LOG_DIR", dir.toString(),
                "CHATKIT_BACKEND", "hosted", "OPENAI_API_KEY", "sk-test", "OPENAI_WORKFLOW_ID", "wf_params");
        try (ApiComponents parts = ApiComponents.open(InterviewApiOptions.from(ConfigSource.of(parameters)))) {
            assertThat(parts.store.type()).isEqualTo("memory");
            assertThat(parts.chatKitClient.defaultWorkflowId()).isEqualTo("wf_params");
            assertThat(parts.status().chatConfigured()).isTrue();
            assertThat(parts.status().backend()).isEqualTo(ChatBackend.HOSTED);
        }
    }

    /** Store settings and marker phrases are read once at start, also with the own server sharing them. */
    @Test
    void storeAndMarkerSettingsAreReadOnceAtStart() throws Exception {
        Path markers = Files.writeString(dir.resolve("markers.txt"), "nicht im Interview\n");
        Map<String, String> values = Map.of("INTERVIEW_STORE", "jsonl", "INTERVIEW_LOG_DIR", dir.toString(),
                "CHATKIT_BACKEND", "server", "OPENAI_API_KEY", "sk-test",
                "OUT_OF_SCOPE_MARKERS_FILE", markers.toString());
        Map<String, Integer> reads = new ConcurrentHashMap<>();
        ConfigSource counting = name -> {
            reads.merge(name, 1, Integer::sum);
            return values.get(name);
        };
        try (ApiComponents parts = ApiComponents.open(InterviewApiOptions.from(counting))) {
            assertThat(parts.status().backend()).isEqualTo(ChatBackend.SERVER);
            assertThat(parts.status().chatConfigured()).isTrue();
            assertThat(parts.classifier.classify("Q?", "Das steht nicht im Interview.").outOfScope()).isTrue();
        }
        assertThat(reads.get(Settings.INTERVIEW_STORE.name())).as("StoreConfig read").isEqualTo(1);
        assertThat(reads.get(Settings.OUT_OF_SCOPE_MARKERS_FILE.name())).as("markers read").isEqualTo(1);
    }

    @Test
    void optionsFromTheEnvironmentOpenNothingUntilMounted() {
        Map<String, String> values = Map.of("INTERVIEW_STORE", "jsonl", "INTERVIEW_LOG_DIR", dir.toString());
        InterviewApiOptions options = InterviewApiOptions.from(ConfigSource.of(values));
        assertThat(dir).isEmptyDirectory();
        try (InterviewStore bean = InterviewStore.open(StoreConfig.from(ConfigSource.of(values)))) {
            assertThatThrownBy(() -> ApiComponents.open(options)).as("a second store on the directory")
                    .isInstanceOf(StoreLockedException.class);
            try (ApiComponents parts = ApiComponents.open(options.toBuilder().store(bean).build())) {
                assertThat(parts.store).isSameAs(bean);
            }
            assertThat(bean.feedback().newest(1)).as("the bean stays open").isEmpty();
        }
        try (ApiComponents parts = ApiComponents.open(options)) {
            assertThat(parts.store.type()).as("opened at mount once the bean is closed").isEqualTo("jsonl");
        }
    }

    /** An upstream that never answers costs the browser the session deadline, not the client's two minutes. */
    @Test
    void aHangingUpstreamGivesUpstreamTimeoutAtTheSessionDeadline() throws Exception {
        try (MockWebServer upstream = new MockWebServer()) {
            upstream.enqueue(new MockResponse.Builder().headersDelay(5, TimeUnit.MINUTES).body("{}").build());
            upstream.start();
            Map<String, String> values = Map.of("INTERVIEW_STORE", "memory", "INTERVIEW_LOG_DIR", dir.toString(),
                    "OPENAI_API_KEY", "sk-test", "OPENAI_WORKFLOW_ID", "wf_1", "SESSION_DEADLINE_SECONDS", "1",
                    "OPENAI_BASE_URL", upstream.url("/v1").toString());
            try (ApiComponents parts = ApiComponents.open(InterviewApiOptions.from(ConfigSource.of(values)))) {
                // the client's own attempt timeout is 60 s: only the session deadline can end this within 20 s
                ExecutionException failed = catchThrowableOfType(ExecutionException.class,
                        () -> parts.sessions.createSession("u_1").get(20, TimeUnit.SECONDS));
                ApiException mapped = UpstreamErrors.toApi(failed.getCause());
                assertThat(mapped.status()).isEqualTo(504);
                assertThat(mapped.code()).isEqualTo("upstream_timeout");
            }
        }
    }

    /** The OpenAI HTTP client opened from configuration runs on our threads, and they end when the API stops. */
    @Test
    void closingEndsTheHttpWorkersOfTheClientItOpened() throws Exception {
        try (MockWebServer upstream = new MockWebServer()) {
            upstream.enqueue(new MockResponse.Builder().code(200).body("{\"id\":\"cksess_1\",\"client_secret\":"
                    + "\"ek_1\",\"expires_at\":1764130200,\"status\":\"active\",\"user\":\"u_1\"}").build());
            upstream.start();
            Map<String, String> values = Map.of("INTERVIEW_STORE", "memory", "INTERVIEW_LOG_DIR", dir.toString(),
                    "OPENAI_API_KEY", "sk-test", "OPENAI_WORKFLOW_ID", "wf_1",
                    "OPENAI_BASE_URL", upstream.url("/v1").toString());
            List<Thread> before = httpWorkers();
            ApiComponents parts = ApiComponents.open(InterviewApiOptions.from(ConfigSource.of(values)));
            List<Thread> workers;
            try {
                assertThat(parts.sessions.createSession("u_1").get(10, TimeUnit.SECONDS).clientSecret())
                        .isEqualTo("ek_1");
                workers = httpWorkers().stream().filter(t -> !before.contains(t)).toList();
                assertThat(workers).as("the client's work ran on its own threads").isNotEmpty();
            } finally {
                parts.close();
            }
            assertThat(workers).as("threads left after close").noneMatch(Thread::isAlive);
        }
    }

    private static List<Thread> httpWorkers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(ApiComponents.HTTP_THREAD_PREFIX)).toList();
    }

    @Test
    void cookieSecretIsGeneratedOnceOwnerOnlyAndReused() throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("INTERVIEW_STORE", "memory", "INTERVIEW_LOG_DIR",
                dir.toString()));
        byte[] first = secret(env);
        Path file = dir.resolve("user-id-cookie.secret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(secret(env)).isEqualTo(first);
        env.put("USER_ID_COOKIE_SECRET", "an-explicit-secret-value");
        assertThat(secret(env)).isNotEqualTo(first);
        env.put("USER_ID_COOKIE_SECRET", "fifteen-bytes!!");
        assertThatThrownBy(() -> secret(env)).hasMessageContaining("USER_ID_COOKIE_SECRET")
                .hasMessageContaining("at least 16 bytes");
    }

    private static byte[] secret(Map<String, String> env) {
        try (ApiComponents parts = ApiComponents.open(InterviewApiOptions.from(ConfigSource.of(env)))) {
            return parts.cookieSecret;
        }
    }
}

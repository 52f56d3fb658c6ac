package com.landki.interview.servlet.internal;

import com.landki.interview.chatkit.ChatKitClient;
import com.landki.interview.chatkit.server.ChatKitServer;
import com.landki.interview.chatkit.server.RequestContext;
import com.landki.interview.chatkit.server.StoreHooks;
import com.landki.interview.chatkit.server.agent.ResponsesAgent;
import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.classify.CombinedClassifier;
import com.landki.interview.classify.MarkerClassifier;
import com.landki.interview.classify.StructuredClassifier;
import com.landki.interview.openai.OpenAiConfig;
import com.landki.interview.openai.OpenAiHttp;
import com.landki.interview.openai.RetryPolicy;
import com.landki.interview.openai.Sleeper;
import com.landki.interview.servlet.InterviewApi;
import com.landki.interview.servlet.InterviewApiOptions;
import com.landki.interview.servlet.chatkit.ChatKitProtocolServlet;
import com.landki.interview.store.InterviewStore;
import com.landki.interview.store.StoreConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the SDK parts from the environment (MISSION.md §3): the store, the classifier, the ChatKit client
 * for the {@code hosted} backend and the own ChatKit server for the {@code server} backend. Everything it
 * opens is closed when the web application stops.
 */
public final class SdkWiring {

    private static final Logger LOG = LoggerFactory.getLogger(SdkWiring.class);

    /** The variables the SDK parts read, looked up through the caller's {@code env} function. */
    private static final String[] SDK_VARIABLES = {
        "INTERVIEW_STORE", "INTERVIEW_LOG_DIR", "INTERVIEW_LOG_DURABILITY", "INTERVIEW_LOG_ROTATE_BYTES",
        "INTERVIEW_LOG_ROTATE_DAILY", "INTERVIEW_LOG_RETENTION", "INTERVIEW_JDBC_URL", "INTERVIEW_JDBC_USER",
        "INTERVIEW_JDBC_PASSWORD", "OUT_OF_SCOPE_MARKERS_FILE", "OPENAI_API_KEY", "OPENAI_BASE_URL",
        "OPENAI_PROJECT_ID", "OPENAI_ORG_ID", "OPENAI_WORKFLOW_ID", "OPENAI_WORKFLOW_VERSION",
        "OPENAI_VECTOR_STORE_ID", "OPENAI_MODEL", "INTERVIEW_INSTRUCTIONS_FILE", "CHATKIT_BACKEND",
    };

    private SdkWiring() {
    }

    /** The SDK's variables as a map (the SDK's {@code fromEnv(Map)} factories take one). */
    public static Map<String, String> envMap(Function<String, String> env) {
        Map<String, String> map = new HashMap<>();
        for (String name : SDK_VARIABLES) {
            String value = env.apply(name);
            if (value != null && !value.isBlank()) {
                map.put(name, value);
            }
        }
        return map;
    }

    public static void fromEnv(Function<String, String> env, InterviewApiOptions.Builder builder) {
        Map<String, String> map = envMap(env);
        StoreConfig storeConfig = StoreConfig.fromEnv(map);
        InterviewStore store = InterviewStore.open(storeConfig);
        builder.store(store).closeOnDestroy(store);
        MarkerClassifier markers = MarkerClassifier.fromEnv(map);
        builder.classifier(CombinedClassifier.of(StructuredClassifier.ofDefaults(), markers));

        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        builder.meterRegistry(registry);
        if (!map.containsKey(OpenAiConfig.ENV_API_KEY)) {
            return; // health, feedback, admin and the dashboard work; chat answers 503 not_configured
        }
        OpenAiConfig openAi = countingRetries(OpenAiConfig.builder().fromEnv(map).build(), registry);
        ChatKitClient client = ChatKitClient.builder().fromEnv(map).config(openAi).build();
        builder.chatKitClient(client);

        String backend = map.getOrDefault("CHATKIT_BACKEND", InterviewApiOptions.BACKEND_AUTO).trim().toLowerCase();
        boolean server = InterviewApiOptions.BACKEND_SERVER.equals(backend)
                || (InterviewApiOptions.BACKEND_AUTO.equals(backend) && client.defaultWorkflowId() == null);
        if (server) {
            builder.chatKitServlet(chatKitServlet(map, storeConfig, store, markers, openAi, builder));
        }
    }

    private static ChatKitProtocolServlet chatKitServlet(Map<String, String> map, StoreConfig storeConfig,
            InterviewStore store, MarkerClassifier markers, OpenAiConfig openAi, InterviewApiOptions.Builder builder) {
        ThreadStore threads = threadStore(storeConfig, builder);
        if (threads instanceof AutoCloseable closeable) {
            builder.closeOnDestroy(closeable);
        }
        ResponsesAgent.Builder agent = ResponsesAgent.builder().openAi(OpenAiHttp.create(openAi));
        if (map.containsKey("OPENAI_MODEL")) {
            agent.model(map.get("OPENAI_MODEL").strip());
        }
        if (map.containsKey("OPENAI_VECTOR_STORE_ID")) {
            agent.vectorStoreIds(List.of(map.get("OPENAI_VECTOR_STORE_ID").strip().split("\\s*,\\s*")));
        }
        if (map.containsKey("INTERVIEW_INSTRUCTIONS_FILE")) {
            agent.instructionsFile(Path.of(map.get("INTERVIEW_INSTRUCTIONS_FILE").strip()));
        }
        ChatKitServer chatKit = ChatKitServer.builder()
                .store(threads)
                .responder(agent.build())
                .feedbackListener(StoreHooks.feedbackTo(store.feedback()))
                .outOfScopeListener(StoreHooks.classifiedTo(store.chatLog()))
                .answerClassifier(StoreHooks.markers(markers))
                .build();
        return new ChatKitProtocolServlet(chatKit,
                req -> (String) req.getAttribute(InterviewApi.USER_ID_ATTRIBUTE),
                req -> {
                    Object ip = req.getAttribute(InterviewApi.CLIENT_IP_ATTRIBUTE);
                    return ip == null ? Map.of() : Map.of(RequestContext.IP, ip);
                },
                null, ChatKitProtocolServlet.DEFAULT_HEARTBEAT, ChatKitProtocolServlet.DEFAULT_STREAM_TIMEOUT);
    }

    private static ThreadStore threadStore(StoreConfig config, InterviewApiOptions.Builder builder) {
        switch (config.type()) {
            case StoreConfig.TYPE_MEMORY:
                return ThreadStore.inMemory();
            case StoreConfig.TYPE_POSTGRES:
                return PostgresThreads.open(config, builder::closeOnDestroy);
            default:
                return ThreadStore.jsonl(config.logDir(), config.durability());
        }
    }

    /** The same retry policy, counting every wait before a retry in {@code interview_upstream_retries_total}. */
    static OpenAiConfig countingRetries(OpenAiConfig config, PrometheusMeterRegistry registry) {
        Counter retries = Counter.builder(ApiMetrics.UPSTREAM_RETRIES).description(ApiMetrics.UPSTREAM_RETRIES_HELP)
                .register(registry);
        RetryPolicy policy = config.retryPolicy();
        Sleeper sleeper = policy.sleeper();
        Sleeper counting = duration -> {
            retries.increment();
            return sleeper.sleep(duration);
        };
        LOG.debug("counting upstream retries in {}", ApiMetrics.UPSTREAM_RETRIES);
        return config.toBuilder().retryPolicy(policy.toBuilder().sleeper(counting).build()).build();
    }
}

package com.landki.interview.servlet.internal;

import com.landki.interview.chatkit.ChatKitClient;
import com.landki.interview.chatkit.server.RequestContext;
import com.landki.interview.chatkit.server.setup.ChatKitBackend;
import com.landki.interview.classify.CombinedClassifier;
import com.landki.interview.classify.MarkerClassifier;
import com.landki.interview.classify.StructuredClassifier;
import com.landki.interview.openai.OpenAiConfig;
import com.landki.interview.servlet.InterviewApi;
import com.landki.interview.servlet.InterviewApiOptions;
import com.landki.interview.servlet.chatkit.ChatKitProtocolServlet;
import com.landki.interview.store.InterviewStore;
import com.landki.interview.store.StoreConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the SDK parts from the environment (the README's configuration table): the store, the classifier, the ChatKit client
 * for the {@code hosted} backend and the own ChatKit server ({@link ChatKitBackend}) for the {@code server}
 * backend. Everything it opens is closed when the web application stops.
 */
public final class SdkWiring {

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
        InterviewStore store = InterviewStore.open(StoreConfig.fromEnv(map));
        builder.store(store).closeOnDestroy(store);
        builder.classifier(CombinedClassifier.of(StructuredClassifier.ofDefaults(), MarkerClassifier.fromEnv(map)));
        String backend = ChatKitBackend.mode(map);
        builder.chatKitBackend(backend);

        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        builder.meterRegistry(registry);
        if (!map.containsKey(OpenAiConfig.ENV_API_KEY)) {
            return; // health, feedback, admin and the dashboard work; chat answers 503 not_configured
        }
        // one transport for the ChatKit client and the Responses agent, its retries counted in /metrics
        ChatKitClient client = RetryCounting.client(ChatKitClient.fromEnv(map), registry);
        builder.chatKitClient(client);
        if (ChatKitBackend.SERVER.equals(backend)) {
            ChatKitBackend server = ChatKitBackend.fromEnv(map, store, client.http());
            builder.closeOnDestroy(server);
            builder.chatKitServlet(new ChatKitProtocolServlet(server.server(),
                    req -> (String) req.getAttribute(InterviewApi.USER_ID_ATTRIBUTE),
                    req -> {
                        Object ip = req.getAttribute(InterviewApi.CLIENT_IP_ATTRIBUTE);
                        return ip == null ? Map.of() : Map.of(RequestContext.IP, ip);
                    },
                    null, ChatKitProtocolServlet.DEFAULT_HEARTBEAT, ChatKitProtocolServlet.DEFAULT_STREAM_TIMEOUT));
        }
    }
}

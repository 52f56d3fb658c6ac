package com.landki.interview.servlet.internal;

import com.landki.interview.chatkit.ChatKitClient;
import com.landki.interview.chatkit.server.agent.ResponsesAgent;
import com.landki.interview.chatkit.server.setup.ChatKitBackend;
import com.landki.interview.chatkit.server.types.RequestContext;
import com.landki.interview.classify.CombinedClassifier;
import com.landki.interview.classify.MarkerClassifier;
import com.landki.interview.classify.StructuredClassifier;
import com.landki.interview.config.ChatBackend;
import com.landki.interview.config.ConfigSource;
import com.landki.interview.config.Settings;
import com.landki.interview.servlet.InterviewApi;
import com.landki.interview.servlet.InterviewApiOptions;
import com.landki.interview.servlet.chatkit.ChatKitProtocolServlet;
import com.landki.interview.store.InterviewStore;
import com.landki.interview.store.StoreConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;

/**
 * Builds the SDK parts from configuration: the store, the classifier, the ChatKit client for the {@code hosted}
 * backend and the own ChatKit server ({@link ChatKitBackend}) for the {@code server} backend. Each setting is
 * read once; everything it opens is closed when the web application stops.
 */
public final class SdkWiring {

    private SdkWiring() {
    }

    public static void fromEnv(ConfigSource source, InterviewApiOptions.Builder builder) {
        StoreConfig storeConfig = StoreConfig.from(source);
        MarkerClassifier markers = MarkerClassifier.from(source);
        InterviewStore store = InterviewStore.open(storeConfig);
        builder.store(store).closeOnDestroy(store);
        builder.classifier(CombinedClassifier.of(StructuredClassifier.ofDefaults(), markers));
        ChatBackend configured = Settings.CHATKIT_BACKEND.read(source);
        builder.chatKitBackend(configured);

        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        builder.meterRegistry(registry);
        if (Settings.OPENAI_API_KEY.raw(source) == null) {
            return; // health, feedback, admin and the dashboard work; chat answers 503 not_configured
        }
        // one transport for the ChatKit client and the Responses agent, its retries counted in /metrics
        ChatKitClient client = RetryCounting.client(ChatKitClient.from(source), registry);
        builder.chatKitClient(client).closeOnDestroy(client); // its HTTP threads must not outlive the app
        if (configured.resolve(client.defaultWorkflowId() != null) == ChatBackend.SERVER) {
            ChatKitBackend server = ChatKitBackend.open(storeConfig, store, ResponsesAgent.from(source, client.http()),
                    markers);
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

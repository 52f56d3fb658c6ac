package com.landki.interview.chatkit.server.setup;

import com.landki.interview.chatkit.server.ChatKitServer;
import com.landki.interview.chatkit.server.agent.ResponsesAgent;
import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.classify.MarkerClassifier;
import com.landki.interview.openai.OpenAiHttp;
import com.landki.interview.store.InterviewStore;
import com.landki.interview.store.StoreConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code server} chat backend assembled from the environment, for the servlet module and the example
 * server: which backend {@code CHATKIT_BACKEND} selects, and a {@link ChatKitServer} with the thread store of
 * {@code INTERVIEW_STORE}, the {@link ResponsesAgent} from {@code OPENAI_*} / {@code INTERVIEW_INSTRUCTIONS_FILE},
 * and the hooks into the given interview store and the marker classifier. Close it on shutdown (it holds the
 * JSONL lock or the connection pool). Thread-safe.
 */
public final class ChatKitBackend implements AutoCloseable {

    public static final String ENV_BACKEND = "CHATKIT_BACKEND";
    public static final String HOSTED = "hosted";
    public static final String SERVER = "server";
    public static final String AUTO = "auto";

    private static final Logger LOG = LoggerFactory.getLogger(ChatKitBackend.class);

    private final ChatKitServer server;
    private final List<AutoCloseable> resources;

    private ChatKitBackend(ChatKitServer server, List<AutoCloseable> resources) {
        this.server = server;
        this.resources = resources;
    }

    /**
     * {@link #HOSTED} or {@link #SERVER}: {@code CHATKIT_BACKEND} when it names one, else ({@code auto} or unset)
     * hosted when {@code OPENAI_WORKFLOW_ID} is set, server otherwise.
     *
     * @throws IllegalStateException naming the variable when it has another value
     */
    public static String mode(Map<String, String> env) {
        String value = env.getOrDefault(ENV_BACKEND, "").strip().toLowerCase(Locale.ROOT);
        switch (value) {
            case HOSTED:
            case SERVER:
                return value;
            case "":
            case AUTO:
                String workflow = env.get("OPENAI_WORKFLOW_ID");
                return workflow != null && !workflow.isBlank() ? HOSTED : SERVER;
            default:
                throw new IllegalStateException(ENV_BACKEND + " must be hosted, server or auto, was '" + value + "'");
        }
    }

    /**
     * Builds the server backend from {@code env}, writing feedback and out-of-scope events to {@code interview}.
     *
     * @throws IllegalStateException            a setting is invalid (the message names it)
     * @throws com.landki.interview.store.StoreException the thread store cannot be opened
     */
    public static ChatKitBackend fromEnv(Map<String, String> env, InterviewStore interview) {
        return fromEnv(env, interview, ResponsesAgent.fromEnv(env));
    }

    /**
     * Like {@link #fromEnv(Map, InterviewStore)}, with the agent calling OpenAI through {@code openAi}, e.g. the
     * ChatKit client's transport with a retry listener that counts retries in metrics.
     */
    public static ChatKitBackend fromEnv(Map<String, String> env, InterviewStore interview,
            OpenAiHttp openAi) {
        Objects.requireNonNull(openAi, "openAi");
        return fromEnv(env, interview, ResponsesAgent.fromEnv(env, openAi));
    }

    private static ChatKitBackend fromEnv(Map<String, String> env, InterviewStore interview, ResponsesAgent agent) {
        Objects.requireNonNull(interview, "interview");
        StoreConfig config = StoreConfig.fromEnv(env);
        List<AutoCloseable> resources = new ArrayList<>();
        ThreadStore threads = switch (config.type()) {
            case StoreConfig.TYPE_MEMORY -> ThreadStore.inMemory();
            case StoreConfig.TYPE_POSTGRES -> Pool.postgres(config, resources);
            default -> {
                var jsonl = ThreadStore.jsonl(config.logDir(), config.durability());
                resources.add(jsonl);
                yield jsonl;
            }
        };
        try {
            ChatKitServer server = ChatKitServer.builder().store(threads).responder(agent)
                    .feedbackListener(StoreHooks.feedbackTo(interview.feedback()))
                    .outOfScopeListener(StoreHooks.classifiedTo(interview.chatLog()))
                    .answerClassifier(StoreHooks.markers(MarkerClassifier.fromEnv(env)))
                    .build();
            LOG.info("ChatKit server backend ready: threads in {} store", config.type());
            return new ChatKitBackend(server, resources);
        } catch (RuntimeException e) {
            new ChatKitBackend(null, resources).close();
            throw e;
        }
    }

    /** The protocol server to mount. */
    public ChatKitServer server() {
        return server;
    }

    @Override
    public void close() {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed", resource, e);
            }
        }
    }

    /** Kept apart so HikariCP (an optional dependency) is loaded only for the PostgreSQL store. */
    private static final class Pool {
        static ThreadStore postgres(StoreConfig config, List<AutoCloseable> resources) {
            if (config.jdbcUrl() == null) {
                throw new IllegalStateException("INTERVIEW_STORE=postgres needs INTERVIEW_JDBC_URL");
            }
            com.zaxxer.hikari.HikariConfig hikari = new com.zaxxer.hikari.HikariConfig();
            hikari.setJdbcUrl(config.jdbcUrl());
            hikari.setUsername(config.jdbcUser());
            hikari.setPassword(config.jdbcPassword());
            hikari.setPoolName("chatkit-threads");
            hikari.setMaximumPoolSize(8);
            com.zaxxer.hikari.HikariDataSource dataSource = new com.zaxxer.hikari.HikariDataSource(hikari);
            resources.add(dataSource);
            return ThreadStore.postgres(dataSource);
        }
    }
}

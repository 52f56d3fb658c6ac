package com.landki.interview.servlet.internal;

import com.landki.interview.chatkit.ChatKitClient;
import com.landki.interview.chatkit.server.AnswerListener;
import com.landki.interview.chatkit.server.AttachmentOptions;
import com.landki.interview.chatkit.server.ChatKitServer;
import com.landki.interview.chatkit.server.agent.OpenAiTranscriber;
import com.landki.interview.chatkit.server.agent.ResponsesAgent;
import com.landki.interview.chatkit.server.agent.ResponsesTransport;
import com.landki.interview.chatkit.server.responder.ChatKitResponder;
import com.landki.interview.chatkit.server.setup.ChatKitBackend;
import com.landki.interview.chatkit.server.store.AttachmentStore;
import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.chatkit.server.types.RequestContext;
import com.landki.interview.classify.ChatKitThreadReader;
import com.landki.interview.classify.CombinedClassifier;
import com.landki.interview.classify.MarkerClassifier;
import com.landki.interview.classify.ScopeClassifier;
import com.landki.interview.classify.StructuredClassifier;
import com.landki.interview.classify.ThreadClassifier;
import com.landki.interview.config.ChatBackend;
import com.landki.interview.config.ConfigSource;
import com.landki.interview.config.Redactor;
import com.landki.interview.config.Settings;
import com.landki.interview.servlet.ApiStatus;
import com.landki.interview.servlet.BackendOptions;
import com.landki.interview.servlet.ChatKitProtocolServlet;
import com.landki.interview.servlet.InterviewApi;
import com.landki.interview.servlet.InterviewApiOptions;
import com.landki.interview.servlet.SecurityOptions;
import com.landki.interview.store.InterviewStore;
import com.landki.interview.store.StoreConfig;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns options into running parts: it opens the store, the ChatKit client and the own
 * server that the options describe but do not give, each exactly once, resolves {@code auto} once, and closes
 * what it opened (newest first) when the API stops. Parts given in code are used as they are and stay the host's.
 * Thread-safe once built.
 */
public final class ApiComponents implements AutoCloseable {

    /** The SDK's name prefix for the threads of an OpenAI client it opened. */
    static final String HTTP_THREAD_PREFIX = "openai-";

    private static final Logger LOG = LoggerFactory.getLogger(ApiComponents.class);

    private final List<AutoCloseable> owned;
    final InterviewStore store;
    final ScopeClassifier classifier;
    final ChatKitClient chatKitClient;
    final SessionPort sessions;
    final ChatSetup setup;
    final ThreadClassifier threadClassifier;
    final ChatKitServer chatKitServer;
    final ChatBackend backend;
    /** The name of the user-id cookie key in a shared store ({@link InterviewStore#sharedSecret}). */
    static final String COOKIE_SECRET_NAME = "user-id-cookie";

    final byte[] cookieSecret;
    final ApiMetrics metrics;
    private final ApiStatus status;
    private final BackendOptions given;

    private ApiComponents(InterviewApiOptions options, List<AutoCloseable> owned) {
        this.owned = owned;
        ConfigSource config = options.config();
        BackendOptions given = options.backend();
        this.given = given;
        store = options.store() != null ? options.store() : own(InterviewStore.open(options.storeConfig()));
        MarkerClassifier markers = config == null ? null : MarkerClassifier.from(config);
        classifier = given.classifier() != null ? given.classifier()
                : markers != null ? CombinedClassifier.of(StructuredClassifier.ofDefaults(), markers)
                : ScopeClassifier.ofDefaults();

        ChatKitClient client = given.chatKitClient();
        if (client == null && config != null && Settings.OPENAI_API_KEY.raw(config) != null) {
            client = openClient(config);
        }
        chatKitClient = client == null ? null : RetryCounting.client(client, options.meterRegistry());
        // the one auto rule: hosted when a workflow id is configured (on the client, else in the configuration)
        boolean workflow = chatKitClient != null ? chatKitClient.defaultWorkflowId() != null
                : config != null && Settings.OPENAI_WORKFLOW_ID.raw(config) != null;
        backend = given.chatKitBackend().resolve(workflow);
        sessions = chatKitClient != null && workflow ? new ClientSessionPort(withDeadline(chatKitClient,
                given.sessionDeadline()), given.sessionCustomizer()) : null;
        metrics = new ApiMetrics(options.meterRegistry(), backend.id());
        JvmMetrics jvm = JvmMetrics.bindIfOwn(options.meterRegistry());
        if (jvm != null) {
            own(jvm);
        }
        // hosted threads only: the own server's thread ids are not OpenAI's, and it classifies its answers itself
        threadClassifier = given.threadClassifier() != null || chatKitClient == null || backend == ChatBackend.SERVER
                ? given.threadClassifier()
                : ThreadClassifier.builder().reader(ChatKitThreadReader.of(chatKitClient)).classifier(classifier)
                        .build();
        boolean canAnswer = given.responder() != null || (chatKitClient != null && config != null);
        chatKitServer = given.chatKitServer() != null ? given.chatKitServer()
                : backend == ChatBackend.SERVER && canAnswer ? openServer(options, markers) : null;
        cookieSecret = cookieSecret(options.security(), store);
        Redactor.register(cookieSecret); // a key from the file or the database, too, is never logged
        boolean vectorStore = config != null && Settings.OPENAI_VECTOR_STORE_ID.raw(config) != null;
        setup = new ChatSetup(given.chatKitBackend(), backend, chatKitClient != null, workflow, vectorStore,
                chatKitServer != null, options.mountPath());
        status = new ApiStatus(options.mountPath(), store.type(), backend, setup.chatConfigured(),
                options.security().adminToken() != null);
    }

    /**
     * Opens what {@code options} describe.
     *
     * @throws RuntimeException what opening a part threw (a bad setting, a locked store); parts already
     *                          opened are closed first
     */
    public static ApiComponents open(InterviewApiOptions options) {
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            return new ApiComponents(options, opened);
        } catch (RuntimeException e) {
            closeAll(opened);
            throw e;
        }
    }

    /**
     * The own server: threads in the store given in code, else where the store configuration says (in memory
     * without one), answers from the given responder or else the Responses agent of {@code OPENAI_*}.
     */
    private ChatKitServer openServer(InterviewApiOptions options, MarkerClassifier markers) {
        ConfigSource config = options.config();
        StoreConfig threads = options.storeConfig() != null ? options.storeConfig()
                : config != null ? StoreConfig.from(config) : StoreConfig.builder().type(StoreConfig.TYPE_MEMORY).build();
        // one transport for the ChatKit client and the Responses agent, its retries counted in /metrics,
        // each call's duration, time to first text and errors measured
        ChatKitResponder responder = options.backend().responder() != null ? options.backend().responder()
                : ResponsesAgent.builder(config).transport(new TimedResponsesTransport(
                        ResponsesTransport.of(chatKitClient.http()), metrics, System::nanoTime)).build();
        // every answer goes to the chat log (the stats) and to the answer counters of /metrics
        MarkerClassifier phrases = markers != null ? markers : MarkerClassifier.ofDefaults();
        AnswerListener counted = answer -> metrics.answered(answer.source(), answer.outOfScope());
        ChatKitBackend.Builder server = ChatKitBackend.builder(store, responder).markers(phrases).alsoTell(counted)
                .settings(config)
                .dictation(config != null && chatKitClient != null
                        ? OpenAiTranscriber.from(config, chatKitClient.http()) : null);
        ThreadStore given = options.backend().threadStore();
        if (given != null) {
            server.threadStore(given, options.backend().attachmentStore());
        } else {
            server.threads(threads);
        }
        return own(server.build()).server();
    }

    /** The ChatKit client of {@code OPENAI_*}; closing it on stop ends its HTTP and timer threads. */
    private ChatKitClient openClient(ConfigSource config) {
        return own(ChatKitClient.from(config));
    }

    /** The client for session calls: the same pool and retry listener, all attempts within {@code deadline}. */
    private static ChatKitClient withDeadline(ChatKitClient client, Duration deadline) {
        if (deadline.isZero()) {
            return client;
        }
        return client.withRetryPolicy(client.config().retryPolicy().toBuilder().deadline(deadline).build());
    }

    /**
     * The key of the user-id cookie: the one configured; else the one every instance on a shared store agrees on
     * (seeded from this instance's secret file when it has one, so its users keep their identity); else the
     * secret file's; else a random key for this process.
     */
    private static byte[] cookieSecret(SecurityOptions security, InterviewStore store) {
        if (security.userIdCookieSecret() != null) {
            return security.userIdCookieSecret();
        }
        Path file = security.userIdCookieSecretFile();
        Optional<byte[]> shared = store.sharedSecret(COOKIE_SECRET_NAME,
                () -> file != null && SecretFile.holdsKey(file) ? SecretFile.readOrCreate(file) : randomKey());
        if (shared.isPresent()) {
            return shared.get();
        }
        return file != null ? SecretFile.readOrCreate(file) : randomKey();
    }

    private static byte[] randomKey() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }

    private <T extends AutoCloseable> T own(T resource) {
        owned.add(resource);
        return resource;
    }

    /** The protocol servlet for {@code <mount>/chatkit}, or {@code null} without an own server. */
    public ChatKitProtocolServlet chatKitServlet() {
        if (chatKitServer == null) {
            return null;
        }
        return new ChatKitProtocolServlet(chatKitServer,
                req -> (String) req.getAttribute(InterviewApi.USER_ID_ATTRIBUTE),
                req -> {
                    Object ip = req.getAttribute(InterviewApi.CLIENT_IP_ATTRIBUTE);
                    return ip == null ? Map.of() : Map.of(RequestContext.IP, ip);
                },
                ChatKitProtocolServlet.DEFAULT_HEARTBEAT, ChatKitProtocolServlet.DEFAULT_STREAM_TIMEOUT,
                given.maxStreams(), given.maxStreamsPerUser());
    }

    /** The own server's attachment store, erased with its threads; {@code null} without one. */
    AttachmentStore attachments() {
        return chatKitServer == null ? null : chatKitServer.attachmentStore();
    }

    /** The own server's thread store, erased with the records of a session or user; {@code null} without one. */
    ThreadStore threads() {
        return chatKitServer == null ? null : chatKitServer.store();
    }

    public ApiStatus status() {
        return status;
    }

    /** What the configuration lets the chat do, and the messages that say so. */
    public ChatSetup setup() {
        return setup;
    }

    /** Closes what was opened here, newest first; logs failures. */
    @Override
    public void close() {
        closeAll(owned);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        synchronized (resources) {
            for (int i = resources.size() - 1; i >= 0; i--) {
                try {
                    resources.get(i).close();
                } catch (Exception e) {
                    LOG.warn("closing {} failed: {}", resources.get(i).getClass().getSimpleName(), e.toString());
                }
            }
            resources.clear();
        }
    }
}

package com.landki.interview.chatkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.landki.interview.chatkit.internal.ItemParser;
import com.landki.interview.config.ConfigSource;
import com.landki.interview.config.Settings;
import com.landki.interview.http.HttpTransport;
import com.landki.interview.openai.OpenAiBadResponseException;
import com.landki.interview.openai.OpenAiConfig;
import com.landki.interview.openai.OpenAiException;
import com.landki.interview.openai.OpenAiHttp;
import com.landki.interview.openai.RetryPolicy;
import com.landki.interview.openai.internal.Errors;
import com.landki.interview.openai.internal.Futures;
import com.landki.interview.openai.internal.Json;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The client of OpenAI's ChatKit API: sessions (create, cancel) and threads (list, retrieve, delete, list items).
 *
 * <pre>{@code
 * ChatKitClient chatKit = ChatKitClient.fromEnv();   // OPENAI_API_KEY, OPENAI_WORKFLOW_ID, …
 * ChatKitSession session = chatKit.createSession(CreateSessionRequest.of("user-123"));
 * String forTheBrowser = session.clientSecret();
 * }</pre>
 *
 * <p>Every call has a blocking form and an {@code …Async} form returning a {@link CompletableFuture} that never
 * blocks a thread while waiting for OpenAI; cancelling it aborts the request. Requests carry
 * {@code OpenAI-Beta: chatkit_beta=v1} besides the headers of {@link OpenAiHttp}, are retried by the
 * configured {@link RetryPolicy} and fail with the {@link OpenAiException} hierarchy.
 *
 * <p>Immutable and thread-safe: build one per configuration and share it, as it holds an {@link HttpTransport}
 * with its connection pool.
 */
public final class ChatKitClient implements AutoCloseable {


    private static final Map<String, String> BETA = Map.of("OpenAI-Beta", "chatkit_beta=v1");
    /** Page size used when {@link #listAllItemsAsync} follows the cursor. */
    private static final int ALL_ITEMS_PAGE = 100;

    private final OpenAiHttp http;
    private final String defaultWorkflowId;
    private final String defaultWorkflowVersion;

    private ChatKitClient(OpenAiHttp http, String defaultWorkflowId, String defaultWorkflowVersion) {
        this.http = http;
        this.defaultWorkflowId = defaultWorkflowId;
        this.defaultWorkflowVersion = defaultWorkflowVersion;
    }

    /**
     * A builder with no API key and no default workflow; connection defaults as in {@link OpenAiConfig}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client configured from system properties and the process environment: {@code OPENAI_API_KEY} (required),
     * {@code OPENAI_BASE_URL}, {@code OPENAI_PROJECT_ID}, {@code OPENAI_ORG_ID}, {@code OPENAI_WORKFLOW_ID},
     * {@code OPENAI_WORKFLOW_VERSION}.
     *
     * @return a client ready to use; close it when the application stops
     * @throws IllegalStateException naming the variable that is missing or invalid
     */
    public static ChatKitClient fromEnv() {
        return from(ConfigSource.standard());
    }

    /**
     * Like {@link #fromEnv()}, reading {@code source}.
     *
     * @param source where the {@code OPENAI_*} settings are read
     * @return a client ready to use; close it when the application stops
     */
    public static ChatKitClient from(ConfigSource source) {
        return builder().from(source).build();
    }

    /**
     * The transport, for OpenAI endpoints this client does not wrap (e.g. the Responses API).
     *
     * @return the shared transport; closing it closes this client too
     */
    public OpenAiHttp http() {
        return http;
    }

    /**
     * The connection settings this client was built with (the API key never shows in its {@code toString()}).
     *
     * @return the settings, never {@code null}
     */
    public OpenAiConfig config() {
        return http.config();
    }

    /**
     * This client with another retry policy, sharing its HTTP client and connection pool.
     *
     * @param retryPolicy used for every later call of the returned client
     * @return a new client; this one keeps its policy
     */
    public ChatKitClient withRetryPolicy(RetryPolicy retryPolicy) {
        return new ChatKitClient(http.withRetryPolicy(retryPolicy), defaultWorkflowId, defaultWorkflowVersion);
    }

    /**
     * Stops the threads of the HTTP client this client (and every client derived with {@link #withRetryPolicy},
     * and every user of {@link #http()}) calls through; later calls fail with {@link IllegalStateException}.
     * Close it when the application stops. Idempotent.
     */
    @Override
    public void close() {
        http.close();
    }

    /**
     * The workflow used when a request names none, or {@code null}.
     *
     * @return the workflow id ({@code wf_…}) or {@code null}
     */
    public String defaultWorkflowId() {
        return defaultWorkflowId;
    }

    /**
     * The version used with the default workflow, or {@code null} for the latest.
     *
     * @return the version or {@code null}
     */
    public String defaultWorkflowVersion() {
        return defaultWorkflowVersion;
    }

    // ---- sessions ----

    /**
     * {@code POST /chatkit/sessions}.
     *
     * @param request the user and optionally the workflow; the client's default workflow fills a missing one
     * @return the session with its client secret for the browser and the request id OpenAI answered with
     * @throws IllegalStateException when neither the request nor the client names a workflow
     */
    public CompletableFuture<ChatKitSession> createSessionAsync(CreateSessionRequest request) {
        Objects.requireNonNull(request, "request");
        CreateSessionRequest body = request.withDefaultWorkflow(defaultWorkflowId, defaultWorkflowVersion);
        return Futures.map(http.postJsonResponseAsync("/chatkit/sessions", body, BETA), ChatKitClient::session);
    }

    /**
     * Blocking form of {@link #createSessionAsync}.
     *
     * @param request see {@link #createSessionAsync}
     * @return the created session
     */
    public ChatKitSession createSession(CreateSessionRequest request) {
        return Futures.await(createSessionAsync(request));
    }

    /**
     * {@code POST /chatkit/sessions/{id}/cancel}: the client secret stops working.
     *
     * @param sessionId the {@code cksess_…} id; not blank
     * @return the session as OpenAI reports it after cancelling
     */
    public CompletableFuture<ChatKitSession> cancelSessionAsync(String sessionId) {
        return Futures.map(http.postJsonResponseAsync("/chatkit/sessions/" + segment(sessionId, "sessionId")
                + "/cancel", null, BETA), ChatKitClient::session);
    }

    /**
     * Blocking form of {@link #cancelSessionAsync}.
     *
     * @param sessionId see {@link #cancelSessionAsync}
     * @return the cancelled session
     */
    public ChatKitSession cancelSession(String sessionId) {
        return Futures.await(cancelSessionAsync(sessionId));
    }

    // ---- threads ----

    /**
     * {@code GET /chatkit/threads} with {@code user}, {@code limit}, {@code order}, {@code after}, {@code before}.
     *
     * @param options paging and the optional user filter
     * @return one page of threads; follow {@link Page#after()} for the next
     */
    public CompletableFuture<Page<ChatKitThread>> listThreadsAsync(ListOptions options) {
        Objects.requireNonNull(options, "options");
        return Futures.map(http.getJsonAsync("/chatkit/threads", options.query(), BETA),
                n -> page(n, e -> read(e, ChatKitThread.class)));
    }

    /**
     * Blocking form of {@link #listThreadsAsync}.
     *
     * @param options see {@link #listThreadsAsync}
     * @return one page of threads
     */
    public Page<ChatKitThread> listThreads(ListOptions options) {
        return Futures.await(listThreadsAsync(options));
    }

    /**
     * {@code GET /chatkit/threads/{id}}.
     *
     * @param threadId the {@code cthr_…} id; not blank
     * @return the thread; fails with {@link com.landki.interview.openai.NotFoundException} for an unknown id
     */
    public CompletableFuture<ChatKitThread> retrieveThreadAsync(String threadId) {
        return Futures.map(http.getJsonAsync("/chatkit/threads/" + segment(threadId, "threadId"), Map.of(), BETA),
                n -> read(n, ChatKitThread.class));
    }

    /**
     * Blocking form of {@link #retrieveThreadAsync}.
     *
     * @param threadId see {@link #retrieveThreadAsync}
     * @return the thread
     */
    public ChatKitThread retrieveThread(String threadId) {
        return Futures.await(retrieveThreadAsync(threadId));
    }

    /**
     * {@code DELETE /chatkit/threads/{id}}: the thread, its items and attachments.
     *
     * @param threadId the {@code cthr_…} id; not blank
     * @return OpenAI's confirmation
     */
    public CompletableFuture<ChatKitThread.Deleted> deleteThreadAsync(String threadId) {
        return Futures.map(http.deleteAsync("/chatkit/threads/" + segment(threadId, "threadId"), BETA),
                n -> read(n, ChatKitThread.Deleted.class));
    }

    /**
     * Blocking form of {@link #deleteThreadAsync}.
     *
     * @param threadId see {@link #deleteThreadAsync}
     * @return OpenAI's confirmation
     */
    public ChatKitThread.Deleted deleteThread(String threadId) {
        return Futures.await(deleteThreadAsync(threadId));
    }

    /**
     * {@code GET /chatkit/threads/{id}/items}: one page of items. Unknown item types arrive as
     * {@link ThreadItem.Unknown}.
     *
     * @param threadId the {@code cthr_…} id; not blank
     * @param options paging; {@code user} must be unset
     * @return one page of items
     * @throws IllegalArgumentException when {@code options.user()} is set (it filters threads only)
     */
    public CompletableFuture<Page<ThreadItem>> listItemsAsync(String threadId, ListOptions options) {
        Objects.requireNonNull(options, "options");
        if (options.user() != null) {
            throw new IllegalArgumentException("user filters listThreads only; listItems takes no user");
        }
        return Futures.map(http.getJsonAsync("/chatkit/threads/" + segment(threadId, "threadId") + "/items",
                options.query(), BETA), n -> page(n, ItemParser::parse));
    }

    /**
     * Blocking form of {@link #listItemsAsync}.
     *
     * @param threadId see {@link #listItemsAsync}
     * @param options see {@link #listItemsAsync}
     * @return one page of items
     */
    public Page<ThreadItem> listItems(String threadId, ListOptions options) {
        return Futures.await(listItemsAsync(threadId, options));
    }

    /**
     * Every item of a thread, oldest first, following the cursor page by page.
     *
     * @param threadId the {@code cthr_…} id; not blank
     * @return every item, oldest first, in an immutable list; cancelling the future stops the paging
     */
    public CompletableFuture<List<ThreadItem>> listAllItemsAsync(String threadId) {
        segment(threadId, "threadId");
        CompletableFuture<List<ThreadItem>> result = new CompletableFuture<>();
        collect(threadId, null, new ArrayList<>(), result);
        return result;
    }

    /**
     * Blocking form of {@link #listAllItemsAsync}.
     *
     * @param threadId see {@link #listAllItemsAsync}
     * @return every item, oldest first
     */
    public List<ThreadItem> listAllItems(String threadId) {
        return Futures.await(listAllItemsAsync(threadId));
    }

    private void collect(String threadId, String after, List<ThreadItem> sink,
            CompletableFuture<List<ThreadItem>> result) {
        if (result.isDone()) {
            return;
        }
        ListOptions options = ListOptions.builder().order(ListOptions.ASC).limit(ALL_ITEMS_PAGE).after(after).build();
        CompletableFuture<Page<ThreadItem>> pageCall = listItemsAsync(threadId, options);
        Futures.propagateCancel(result, pageCall);
        pageCall.whenComplete((page, error) -> {
            if (error != null) {
                result.completeExceptionally(Errors.unwrap(error));
            } else if (page.hasMore() && page.after() != null && !page.after().equals(after)
                    && !page.data().isEmpty()) {
                sink.addAll(page.data());
                collect(threadId, page.after(), sink, result);
            } else {
                sink.addAll(page.data());
                result.complete(List.copyOf(sink));
            }
        });
    }

    private static <T> Page<T> page(JsonNode node, Function<JsonNode, T> mapper) {
        List<T> data = new ArrayList<>();
        JsonNode array = node.path("data");
        if (array.isArray()) {
            for (JsonNode element : array) {
                data.add(mapper.apply(element));
            }
        }
        return new Page<>(data, node.path("has_more").asBoolean(false), textOrNull(node.get("last_id")));
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    /** A session answer; one without a usable {@code client_secret} is of no use to the browser. */
    private static ChatKitSession session(OpenAiHttp.JsonResponse response) {
        JsonNode secret = response.body().get("client_secret");
        if (secret == null || !secret.isTextual() || secret.asText().isBlank()) {
            throw new OpenAiBadResponseException("ChatKit session answer has no client_secret string"
                    + " (request-id: " + response.requestId() + ")", response.requestId(), null);
        }
        try {
            return Json.MAPPER.treeToValue(response.body(), ChatKitSession.class).withRequestId(response.requestId());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new OpenAiBadResponseException("unexpected ChatKit session answer: " + e.getMessage(),
                    response.requestId(), e);
        }
    }

    private static <T> T read(JsonNode node, Class<T> type) {
        try {
            return Json.MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new OpenAiException("unexpected ChatKit answer, cannot read it as " + type.getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }

    private static String segment(String id, String name) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return OpenAiHttp.encode(id);
    }

    @Override
    public String toString() {
        return "ChatKitClient{" + http.config() + ", defaultWorkflowId=" + defaultWorkflowId
                + ", defaultWorkflowVersion=" + defaultWorkflowVersion + '}';
    }

    /**
     * Builds a {@link ChatKitClient}; not thread-safe. The connection setters delegate to
     * {@link OpenAiConfig.Builder}; {@link #config(OpenAiConfig)} replaces them all at once.
     */
    public static final class Builder {
        private OpenAiConfig.Builder config = OpenAiConfig.builder();
        private String defaultWorkflowId;
        private String defaultWorkflowVersion;
        private HttpTransport transport;

        private Builder() {
        }

        /**
         * Reads {@code OPENAI_API_KEY}, {@code OPENAI_BASE_URL}, {@code OPENAI_PROJECT_ID}, {@code OPENAI_ORG_ID},
         * {@code OPENAI_WORKFLOW_ID} and {@code OPENAI_WORKFLOW_VERSION} (blank counts as unset); setters called
         * afterwards win.
         *
         * @param source where the settings are read
         * @return this builder
         */
        public Builder from(ConfigSource source) {
            config.from(source);
            Settings.OPENAI_WORKFLOW_ID.ifSet(source, this::defaultWorkflowId);
            Settings.OPENAI_WORKFLOW_VERSION.ifSet(source, this::defaultWorkflowVersion);
            return this;
        }

        /**
         * All connection settings at once.
         *
         * @param config replaces every connection setting made so far
         * @return this builder
         */
        public Builder config(OpenAiConfig config) {
            this.config = Objects.requireNonNull(config, "config").toBuilder();
            return this;
        }

        /**
         * See {@link OpenAiConfig.Builder#apiKey}.
         *
         * @param apiKey the secret key ({@code sk-…}); required
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            config.apiKey(apiKey);
            return this;
        }

        /**
         * See {@link OpenAiConfig.Builder#baseUrl}.
         *
         * @param baseUrl absolute http(s) URL; default {@value OpenAiConfig#DEFAULT_BASE_URL}
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
            config.baseUrl(baseUrl);
            return this;
        }

        /**
         * See {@link OpenAiConfig.Builder#projectId}.
         *
         * @param projectId sent as {@code OpenAI-Project}; {@code null} or blank for none
         * @return this builder
         */
        public Builder projectId(String projectId) {
            config.projectId(projectId);
            return this;
        }

        /**
         * See {@link OpenAiConfig.Builder#organizationId}.
         *
         * @param organizationId sent as {@code OpenAI-Organization}; {@code null} or blank for none
         * @return this builder
         */
        public Builder organizationId(String organizationId) {
            config.organizationId(organizationId);
            return this;
        }

        /**
         * See {@link OpenAiConfig.Builder#connectTimeout}.
         *
         * @param connectTimeout positive; default 10 s
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            config.connectTimeout(connectTimeout);
            return this;
        }

        /**
         * See {@link OpenAiConfig.Builder#requestTimeout}.
         *
         * @param requestTimeout positive, per attempt; default 60 s
         * @return this builder
         */
        public Builder requestTimeout(Duration requestTimeout) {
            config.requestTimeout(requestTimeout);
            return this;
        }

        /**
         * See {@link OpenAiConfig.Builder#streamIdleTimeout}.
         *
         * @param streamIdleTimeout positive; default 5 min
         * @return this builder
         */
        public Builder streamIdleTimeout(Duration streamIdleTimeout) {
            config.streamIdleTimeout(streamIdleTimeout);
            return this;
        }

        /**
         * See {@link OpenAiConfig.Builder#retryPolicy}.
         *
         * @param retryPolicy not {@code null}; default {@link RetryPolicy#ofDefaults()}
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            config.retryPolicy(retryPolicy);
            return this;
        }

        /**
         * The workflow ({@code wf_…}) for requests that name none.
         *
         * @param workflowId the workflow id; {@code null} or blank for none
         * @return this builder
         */
        public Builder defaultWorkflowId(String workflowId) {
            this.defaultWorkflowId = workflowId == null || workflowId.isBlank() ? null : workflowId.trim();
            return this;
        }

        /**
         * The version pinned for the default workflow; {@code null} for the latest deployment.
         *
         * @param version the version; {@code null} or blank for the latest
         * @return this builder
         */
        public Builder defaultWorkflowVersion(String version) {
            this.defaultWorkflowVersion = version == null || version.isBlank() ? null : version.trim();
            return this;
        }

        /**
         * An own {@link HttpClient} (e.g. shared, or with a custom executor); default: a new one.
         *
         * @param httpClient not {@code null}; {@link ChatKitClient#close()} then stops only what this library created
         * @return this builder
         */
        public Builder httpClient(HttpClient httpClient) {
            return transport(HttpTransport.jdk(Objects.requireNonNull(httpClient, "httpClient")));
        }

        /**
         * An own transport (e.g. {@code JettyHttpTransport} of {@code interview-http-jetty}, or one shared with
         * other clients); default: {@link HttpTransport#discover}'s, a new one this client closes.
         *
         * @param transport not {@code null}; {@link ChatKitClient#close()} leaves it open (it is the caller's)
         * @return this builder
         */
        public Builder transport(HttpTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /**
         * @return a new client
         * @throws IllegalStateException when the API key is missing
         */
        public ChatKitClient build() {
            OpenAiConfig built = config.build();
            OpenAiHttp http = transport == null ? OpenAiHttp.create(built) : OpenAiHttp.create(built, transport);
            return new ChatKitClient(http, defaultWorkflowId, defaultWorkflowVersion);
        }
    }
}

package com.landki.interview.chatkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.landki.interview.chatkit.internal.ItemParser;
import com.landki.interview.config.ConfigSource;
import com.landki.interview.config.Settings;
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
 * <p>Immutable and thread-safe: build one per configuration and share it, as it holds an {@link HttpClient}
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

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client configured from system properties and the process environment: {@code OPENAI_API_KEY} (required),
     * {@code OPENAI_BASE_URL}, {@code OPENAI_PROJECT_ID}, {@code OPENAI_ORG_ID}, {@code OPENAI_WORKFLOW_ID},
     * {@code OPENAI_WORKFLOW_VERSION}.
     *
     * @throws IllegalStateException naming the variable that is missing or invalid
     */
    public static ChatKitClient fromEnv() {
        return from(ConfigSource.standard());
    }

    /** Like {@link #fromEnv()}, reading {@code source}. */
    public static ChatKitClient from(ConfigSource source) {
        return builder().from(source).build();
    }

    /** The transport, for OpenAI endpoints this client does not wrap (e.g. the Responses API). */
    public OpenAiHttp http() {
        return http;
    }

    public OpenAiConfig config() {
        return http.config();
    }

    /** This client with another retry policy, sharing its HTTP client and connection pool. */
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

    /** The workflow used when a request names none, or {@code null}. */
    public String defaultWorkflowId() {
        return defaultWorkflowId;
    }

    /** The version used with the default workflow, or {@code null} for the latest. */
    public String defaultWorkflowVersion() {
        return defaultWorkflowVersion;
    }

    // ---- sessions ----

    /**
     * {@code POST /chatkit/sessions}.
     *
     * @throws IllegalStateException when neither the request nor the client names a workflow
     */
    public CompletableFuture<ChatKitSession> createSessionAsync(CreateSessionRequest request) {
        Objects.requireNonNull(request, "request");
        CreateSessionRequest body = request.withDefaultWorkflow(defaultWorkflowId, defaultWorkflowVersion);
        return Futures.map(http.postJsonResponseAsync("/chatkit/sessions", body, BETA), ChatKitClient::session);
    }

    /** Blocking form of {@link #createSessionAsync}. */
    public ChatKitSession createSession(CreateSessionRequest request) {
        return Futures.await(createSessionAsync(request));
    }

    /** {@code POST /chatkit/sessions/{id}/cancel}: the client secret stops working. */
    public CompletableFuture<ChatKitSession> cancelSessionAsync(String sessionId) {
        return Futures.map(http.postJsonResponseAsync("/chatkit/sessions/" + segment(sessionId, "sessionId")
                + "/cancel", null, BETA), ChatKitClient::session);
    }

    /** Blocking form of {@link #cancelSessionAsync}. */
    public ChatKitSession cancelSession(String sessionId) {
        return Futures.await(cancelSessionAsync(sessionId));
    }

    // ---- threads ----

    /** {@code GET /chatkit/threads} with {@code user}, {@code limit}, {@code order}, {@code after}, {@code before}. */
    public CompletableFuture<Page<ChatKitThread>> listThreadsAsync(ListOptions options) {
        Objects.requireNonNull(options, "options");
        return Futures.map(http.getJsonAsync("/chatkit/threads", options.query(), BETA),
                n -> page(n, e -> read(e, ChatKitThread.class)));
    }

    /** Blocking form of {@link #listThreadsAsync}. */
    public Page<ChatKitThread> listThreads(ListOptions options) {
        return Futures.await(listThreadsAsync(options));
    }

    /** {@code GET /chatkit/threads/{id}}. */
    public CompletableFuture<ChatKitThread> retrieveThreadAsync(String threadId) {
        return Futures.map(http.getJsonAsync("/chatkit/threads/" + segment(threadId, "threadId"), Map.of(), BETA),
                n -> read(n, ChatKitThread.class));
    }

    /** Blocking form of {@link #retrieveThreadAsync}. */
    public ChatKitThread retrieveThread(String threadId) {
        return Futures.await(retrieveThreadAsync(threadId));
    }

    /** {@code DELETE /chatkit/threads/{id}}: the thread, its items and attachments. */
    public CompletableFuture<ChatKitThread.Deleted> deleteThreadAsync(String threadId) {
        return Futures.map(http.deleteAsync("/chatkit/threads/" + segment(threadId, "threadId"), BETA),
                n -> read(n, ChatKitThread.Deleted.class));
    }

    /** Blocking form of {@link #deleteThreadAsync}. */
    public ChatKitThread.Deleted deleteThread(String threadId) {
        return Futures.await(deleteThreadAsync(threadId));
    }

    /**
     * {@code GET /chatkit/threads/{id}/items}: one page of items. Unknown item types arrive as
     * {@link ThreadItem.Unknown}.
     *
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

    /** Blocking form of {@link #listItemsAsync}. */
    public Page<ThreadItem> listItems(String threadId, ListOptions options) {
        return Futures.await(listItemsAsync(threadId, options));
    }

    /** Every item of a thread, oldest first, following the cursor page by page. */
    public CompletableFuture<List<ThreadItem>> listAllItemsAsync(String threadId) {
        segment(threadId, "threadId");
        CompletableFuture<List<ThreadItem>> result = new CompletableFuture<>();
        collect(threadId, null, new ArrayList<>(), result);
        return result;
    }

    /** Blocking form of {@link #listAllItemsAsync}. */
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
        private HttpClient httpClient;

        private Builder() {
        }

        /**
         * Reads {@code OPENAI_API_KEY}, {@code OPENAI_BASE_URL}, {@code OPENAI_PROJECT_ID}, {@code OPENAI_ORG_ID},
         * {@code OPENAI_WORKFLOW_ID} and {@code OPENAI_WORKFLOW_VERSION} (blank counts as unset); setters called
         * afterwards win.
         */
        public Builder from(ConfigSource source) {
            config.from(source);
            Settings.OPENAI_WORKFLOW_ID.ifSet(source, this::defaultWorkflowId);
            Settings.OPENAI_WORKFLOW_VERSION.ifSet(source, this::defaultWorkflowVersion);
            return this;
        }

        /** All connection settings at once. */
        public Builder config(OpenAiConfig config) {
            this.config = Objects.requireNonNull(config, "config").toBuilder();
            return this;
        }

        public Builder apiKey(String apiKey) {
            config.apiKey(apiKey);
            return this;
        }

        public Builder baseUrl(String baseUrl) {
            config.baseUrl(baseUrl);
            return this;
        }

        public Builder projectId(String projectId) {
            config.projectId(projectId);
            return this;
        }

        public Builder organizationId(String organizationId) {
            config.organizationId(organizationId);
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            config.connectTimeout(connectTimeout);
            return this;
        }

        public Builder requestTimeout(Duration requestTimeout) {
            config.requestTimeout(requestTimeout);
            return this;
        }

        public Builder streamIdleTimeout(Duration streamIdleTimeout) {
            config.streamIdleTimeout(streamIdleTimeout);
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            config.retryPolicy(retryPolicy);
            return this;
        }

        /** The workflow ({@code wf_…}) for requests that name none. */
        public Builder defaultWorkflowId(String workflowId) {
            this.defaultWorkflowId = workflowId == null || workflowId.isBlank() ? null : workflowId.trim();
            return this;
        }

        /** The version pinned for the default workflow; {@code null} for the latest deployment. */
        public Builder defaultWorkflowVersion(String version) {
            this.defaultWorkflowVersion = version == null || version.isBlank() ? null : version.trim();
            return this;
        }

        /** An own {@link HttpClient} (e.g. shared, or with a custom executor); default: a new one. */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /** @throws IllegalStateException when the API key is missing */
        public ChatKitClient build() {
            OpenAiConfig built = config.build();
            OpenAiHttp http = httpClient == null ? OpenAiHttp.create(built) : OpenAiHttp.create(built, httpClient);
            return new ChatKitClient(http, defaultWorkflowId, defaultWorkflowVersion);
        }
    }
}

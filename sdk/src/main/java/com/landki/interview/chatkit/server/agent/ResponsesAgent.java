package com.landki.interview.chatkit.server.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.landki.interview.chatkit.server.agent.internal.AttachmentParts;
import com.landki.interview.chatkit.server.agent.internal.ResponseStreamMapper;
import com.landki.interview.chatkit.server.responder.ChatKitResponder;
import com.landki.interview.chatkit.server.responder.ResponseTurn;
import com.landki.interview.chatkit.server.responder.StreamCancelledException;
import com.landki.interview.chatkit.server.responder.StreamException;
import com.landki.interview.chatkit.server.types.AssistantMessageItem;
import com.landki.interview.chatkit.server.types.Attachment;
import com.landki.interview.chatkit.server.types.HiddenContextItem;
import com.landki.interview.chatkit.server.types.StructuredInputItem;
import com.landki.interview.chatkit.server.types.ThreadItem;
import com.landki.interview.chatkit.server.types.UserMessageItem;
import com.landki.interview.config.ConfigSource;
import com.landki.interview.config.Settings;
import com.landki.interview.internal.JsonMappers;
import com.landki.interview.openai.OpenAiConfig;
import com.landki.interview.openai.OpenAiException;
import com.landki.interview.openai.OpenAiHttp;
import com.landki.interview.openai.internal.UpstreamFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interview assistant as a {@link ChatKitResponder}: each turn runs OpenAI's Responses API
 * ({@code POST {baseUrl}/responses}, streamed) with the thread history as input, the instructions, the
 * {@code file_search} tool over the configured vector stores and the function tool
 * {@value #OUT_OF_SCOPE_TOOL}. Text deltas go to the page as they arrive, file citations become annotations,
 * and a {@value #OUT_OF_SCOPE_TOOL} call marks the answer as out of scope (the model then gets
 * {@code {"ok":true}} and writes its reply in a follow-up response, linked by {@code previous_response_id}).
 *
 * <p>Immutable and thread-safe; build one and share it.
 */
public final class ResponsesAgent implements ChatKitResponder {

    /** The model used when {@code OPENAI_MODEL} is not set: OpenAI's current flagship GPT model (2026-11). */
    public static final String DEFAULT_MODEL = Settings.OPENAI_MODEL.defaultValue();
    /** Name of the function tool the model calls for questions outside the documents. */
    public static final String OUT_OF_SCOPE_TOOL = "report_out_of_scope";
    /** Classpath resource with the built-in German instructions. */
    public static final String DEFAULT_INSTRUCTIONS_RESOURCE = "interview-instructions.de.md";
    /** Responses per turn at most (the first plus follow-ups after function calls). */
    public static final int MAX_ROUNDS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(ResponsesAgent.class);
    private static final ObjectMapper MAPPER = JsonMappers.json();

    private final ResponsesTransport transport;
    private final boolean configured;
    private final String model;
    private final String instructions;
    private final List<String> vectorStoreIds;
    private final String searchingText;

    private ResponsesAgent(Builder builder) {
        this.transport = builder.transport;
        this.configured = transport != null;
        this.model = builder.model;
        this.instructions = builder.instructions != null ? builder.instructions : defaultInstructions();
        this.vectorStoreIds = List.copyOf(builder.vectorStoreIds);
        this.searchingText = builder.searchingText;
        if (!configured) {
            LOG.warn("ChatKit server backend: no OpenAI client (OPENAI_API_KEY is not set); every answer will report that the assistant is not configured");
        }
        if (vectorStoreIds.isEmpty()) {
            LOG.warn("ChatKit server backend: OPENAI_VECTOR_STORE_ID is not set; the assistant answers without file_search");
        }
    }

    /**
     * A builder with the default model and instructions, no vector store and no OpenAI client (such an agent answers
     * that it is not configured).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * An agent configured from {@code source}: {@code OPENAI_API_KEY}, {@code OPENAI_BASE_URL},
     * {@code OPENAI_PROJECT_ID}, {@code OPENAI_ORG_ID}, {@code OPENAI_MODEL}, {@code OPENAI_VECTOR_STORE_ID}
     * (comma list allowed) and {@code INTERVIEW_INSTRUCTIONS_FILE}. Its HTTP client runs until the JVM exits; an
     * application that can be stopped and started again (a web application) uses
     * {@link #from(ConfigSource, OpenAiHttp)} with an {@link OpenAiHttp} it closes.
     *
     * @param source where the settings are read
     * @return the agent; "not configured" answers when {@code OPENAI_API_KEY} is unset
     */
    public static ResponsesAgent from(ConfigSource source) {
        return from(source, Settings.OPENAI_API_KEY.raw(source) == null ? null
                : OpenAiHttp.create(OpenAiConfig.from(source)));
    }

    /**
     * Like {@link #from(ConfigSource)}, but calling OpenAI through {@code http} (e.g. one shared with the ChatKit
     * client, with a retry listener); {@code null} gives an agent that answers "not configured".
     *
     * @param source where the model, vector stores and instructions file are read
     * @param http the OpenAI client, closed by the caller; {@code null} for a "not configured" agent
     * @return the agent
     */
    public static ResponsesAgent from(ConfigSource source, OpenAiHttp http) {
        Builder builder = builder(source);
        if (http != null) {
            builder.openAi(http);
        }
        return builder.build();
    }

    /**
     * A builder with {@code OPENAI_MODEL}, {@code OPENAI_VECTOR_STORE_ID} and {@code INTERVIEW_INSTRUCTIONS_FILE}
     * of {@code source} already applied; the caller still gives the way to OpenAI ({@link Builder#openAi} or
     * {@link Builder#transport}, e.g. a transport that also measures each call).
     *
     * @param source where the model, vector stores and instructions file are read
     * @return a new builder
     * @throws IllegalStateException when a setting is invalid or the instructions file cannot be read
     */
    public static Builder builder(ConfigSource source) {
        Builder builder = builder();
        Settings.OPENAI_MODEL.ifSet(source, builder::model);
        Settings.OPENAI_VECTOR_STORE_ID.ifSet(source, builder::vectorStoreIds);
        Settings.INTERVIEW_INSTRUCTIONS_FILE.ifSet(source, builder::instructionsFile);
        return builder;
    }

    /**
     * The model this agent asks.
     *
     * @return the model name; default {@link #DEFAULT_MODEL}
     */
    public String model() {
        return model;
    }

    /**
     * The instructions sent with every request.
     *
     * @return the instructions text, never {@code null}
     */
    public String instructions() {
        return instructions;
    }

    /** Blocking form of {@link #respondAsync}: waits for the answer on the calling thread. */
    @Override
    public void respond(ResponseTurn turn) {
        try {
            respondAsync(turn).toCompletableFuture().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Streams the answer without a waiting thread: the Responses stream's events are mapped on the HTTP client's
     * threads as they arrive, the next chunk is read once the page is ready ({@link ResponseTurn#ready()}), and a
     * function call starts the follow-up response when its stream has ended.
     */
    @Override
    public CompletionStage<Void> respondAsync(ResponseTurn turn) {
        if (!configured) {
            return CompletableFuture.failedFuture(
                    StreamException.custom("Der Assistent ist nicht konfiguriert (OPENAI_API_KEY fehlt).", false));
        }
        ObjectNode request = baseRequest();
        request.set("input", historyInput(turn.history(), turn::attachmentContent));
        return round(turn, request, 1);
    }

    /** One response of the turn; completes after the last follow-up. */
    private CompletableFuture<Void> round(ResponseTurn turn, ObjectNode request, int round) {
        ResponseStreamMapper mapper = new ResponseStreamMapper(turn, searchingText);
        CompletableFuture<Void> call;
        try {
            call = transport.streamAsync(request, mapper::accept, turn::onCancel, turn::ready);
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        return call.handle((ignored, failure) -> {
            if (failure != null) {
                throw failure(turn, failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            }
            return followUp(turn, mapper, round);
        }).thenCompose(next -> next == null ? CompletableFuture.completedFuture(null) : round(turn, next, round + 1));
    }

    /** After a complete response: the request of the follow-up for its function calls, or null when done. */
    private ObjectNode followUp(ResponseTurn turn, ResponseStreamMapper mapper, int round) {
        if (!mapper.completed()) {
            // a cut connection can look like a clean end; without response.completed the answer is partial
            throw StreamException.streamError(true, "the Responses stream ended without response.completed", null);
        }
        mapper.finish();
        List<ResponseStreamMapper.FunctionCall> calls = mapper.functionCalls();
        if (calls.isEmpty() || round >= MAX_ROUNDS) {
            return null;
        }
        ArrayNode outputs = MAPPER.createArrayNode();
        for (ResponseStreamMapper.FunctionCall call : calls) {
            outputs.add(MAPPER.createObjectNode().put("type", "function_call_output").put("call_id", call.callId())
                    .put("output", handle(turn, call)));
        }
        if (mapper.responseId() == null) {
            LOG.warn("the Responses stream named no response id; cannot send function call output");
            return null;
        }
        ObjectNode request = baseRequest();
        request.put("previous_response_id", mapper.responseId());
        request.set("input", outputs);
        return request;
    }

    private RuntimeException failure(ResponseTurn turn, Throwable failure) {
        if (failure instanceof OpenAiException e) {
            return turn.isCancelled() ? new StreamCancelledException("cancelled", e) : toStreamException(e);
        }
        if (failure instanceof RuntimeException e) {
            return e;
        }
        return StreamException.streamError(true, "the Responses stream failed: " + failure, failure);
    }

    /** Runs one function call and returns its output for the model. */
    private String handle(ResponseTurn turn, ResponseStreamMapper.FunctionCall call) {
        if (!OUT_OF_SCOPE_TOOL.equals(call.name())) {
            LOG.warn("the model called an unknown function {}", call.name());
            return "{\"error\":\"unknown function\"}";
        }
        try {
            JsonNode arguments = MAPPER.readTree(call.arguments().isEmpty() ? "{}" : call.arguments());
            if (arguments.path("out_of_scope").asBoolean(false)) {
                turn.reportOutOfScope(arguments.path("reason").asText(""));
            }
            return "{\"ok\":true}";
        } catch (IOException e) {
            LOG.warn("{} arguments are not JSON: {}", OUT_OF_SCOPE_TOOL, e.getMessage());
            return "{\"error\":\"arguments must be JSON\"}";
        }
    }

    private ObjectNode baseRequest() {
        ObjectNode request = MAPPER.createObjectNode();
        request.put("model", model);
        request.put("instructions", instructions);
        request.put("stream", true);
        ArrayNode tools = request.putArray("tools");
        if (!vectorStoreIds.isEmpty()) {
            ObjectNode fileSearch = tools.addObject().put("type", "file_search");
            vectorStoreIds.forEach(fileSearch.putArray("vector_store_ids")::add);
        }
        tools.add(outOfScopeTool());
        return request;
    }

    private static ObjectNode outOfScopeTool() {
        ObjectNode tool = MAPPER.createObjectNode().put("type", "function").put("name", OUT_OF_SCOPE_TOOL)
                .put("description", "Meldet, dass die Frage des Nutzers außerhalb des Themas der Dokumente liegt. "
                        + "Rufe dieses Werkzeug auf, bevor du eine solche Frage ablehnst.")
                .put("strict", true);
        ObjectNode parameters = tool.putObject("parameters").put("type", "object").put("additionalProperties", false);
        ObjectNode properties = parameters.putObject("properties");
        properties.putObject("out_of_scope").put("type", "boolean")
                .put("description", "true, wenn die Frage nicht aus den Dokumenten beantwortet werden kann oder soll");
        properties.putObject("reason").put("type", "string").put("description", "kurze Begründung");
        parameters.putArray("required").add("out_of_scope").add("reason");
        return tool;
    }

    /**
     * Thread items as Responses input: user messages (with their attachments, {@link AttachmentParts}) and
     * assistant messages, hidden context as developer notes, structured inputs with their answers as user text.
     */
    static ArrayNode historyInput(List<ThreadItem> history, Function<Attachment, Optional<byte[]>> attachments) {
        Map<String, byte[]> inline = AttachmentParts.inline(history, attachments);
        ArrayNode input = MAPPER.createArrayNode();
        for (ThreadItem item : history) {
            if (item instanceof UserMessageItem user) {
                String text = user.quotedText() == null ? user.text() : "> " + user.quotedText() + "\n\n" + user.text();
                if (user.attachments().isEmpty()) {
                    input.addObject().put("role", "user").put("content", text);
                } else {
                    input.addObject().put("role", "user").set("content",
                            AttachmentParts.content(text, user.attachments(), inline));
                }
            } else if (item instanceof AssistantMessageItem assistant && !assistant.text().isBlank()) {
                input.addObject().put("role", "assistant").put("content", assistant.text());
            } else if (item instanceof HiddenContextItem hidden) {
                input.addObject().put("role", "developer").put("content", hidden.content());
            } else if (item instanceof StructuredInputItem structured) {
                input.addObject().put("role", "user").put("content", structuredInputText(structured));
            }
        }
        return input;
    }

    /** A structured input and its answers for the model, in the words chatkit-python's converter uses. */
    static String structuredInputText(StructuredInputItem item) {
        StringBuilder text = new StringBuilder("A structured input request was displayed to the user with the following"
                + " status: ").append(item.status()).append("\n<StructuredInput>");
        for (StructuredInputItem.Input question : item.inputs()) {
            StructuredInputItem.Answer answer = question.answer();
            text.append("\n- ").append(question.question()).append(": ").append(answer == null ? "unanswered"
                    : answer.skipped() ? "skipped" : String.join(", ", answer.values()));
        }
        return text.append("\n</StructuredInput>").toString();
    }

    /** The foundation's typed errors as the page sees them (the one mapping, {@link UpstreamFailure}); details go to the log only. */
    private StreamException toStreamException(OpenAiException e) {
        UpstreamFailure failure = UpstreamFailure.of(e);
        if (failure == null) {
            return StreamException.streamError(true, "Responses API failed: " + e.getMessage(), e);
        }
        if (failure.kind() == UpstreamFailure.Kind.RATE_LIMITED) {
            return StreamException.custom("Der Assistent ist gerade ausgelastet. Bitte versuche es gleich noch einmal.", true);
        }
        // a 404 names the vector store only when the request searched one
        UpstreamFailure.Api api = vectorStoreIds.isEmpty() ? UpstreamFailure.Api.RESPONSES_WITHOUT_SEARCH
                : UpstreamFailure.Api.RESPONSES;
        return StreamException.streamError(failure.kind().retryable(), failure.message(api)
                + (failure.requestId() == null ? "" : " (request-id " + failure.requestId() + ")"), e);
    }

    private static String defaultInstructions() {
        try (InputStream in = ResponsesAgent.class.getResourceAsStream(DEFAULT_INSTRUCTIONS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_INSTRUCTIONS_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds a {@link ResponsesAgent}. Not thread-safe. */
    public static final class Builder {
        private ResponsesTransport transport;
        private String model = DEFAULT_MODEL;
        private String instructions;
        private List<String> vectorStoreIds = List.of();
        private String searchingText = "Durchsuche die Dokumente …";

        private Builder() {
        }

        /**
         * Calls the Responses API through the shared OpenAI client (its base URL, key, retries, errors).
         *
         * @param http the OpenAI client; the caller closes it
         * @return this builder
         */
        public Builder openAi(OpenAiHttp http) {
            this.transport = ResponsesTransport.of(http);
            return this;
        }

        /**
         * Replaces the HTTP transport entirely, e.g. for another HTTP stack.
         *
         * @param transport sends one streamed Responses request; {@code null} for a "not configured" agent
         * @return this builder
         */
        public Builder transport(ResponsesTransport transport) {
            this.transport = transport;
            return this;
        }

        /**
         * The model asked for every answer.
         *
         * @param model not blank; default {@link #DEFAULT_MODEL}
         * @return this builder
         * @throws IllegalArgumentException when blank
         */
        public Builder model(String model) {
            if (model == null || model.isBlank()) {
                throw new IllegalArgumentException("model must not be blank");
            }
            this.model = model;
            return this;
        }

        /**
         * The instructions text; default: the built-in German interview prompt.
         *
         * @param instructions the text; {@code null} for the built-in prompt
         * @return this builder
         */
        public Builder instructions(String instructions) {
            this.instructions = instructions;
            return this;
        }

        /**
         * Reads the instructions from a UTF-8 file now ({@code INTERVIEW_INSTRUCTIONS_FILE}).
         *
         * @param file a UTF-8 text file, not empty
         * @return this builder
         * @throws IllegalStateException when the file cannot be read or is empty
         */
        public Builder instructionsFile(Path file) {
            try {
                this.instructions = Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new IllegalStateException("cannot read INTERVIEW_INSTRUCTIONS_FILE " + file + ": " + e.getMessage(), e);
            }
            if (instructions.isEmpty()) {
                throw new IllegalStateException("INTERVIEW_INSTRUCTIONS_FILE " + file + " is empty");
            }
            return this;
        }

        /**
         * The vector stores {@code file_search} searches ({@code vs_…}); none: no file_search.
         *
         * @param ids vector store ids; empty for none
         * @return this builder
         */
        public Builder vectorStoreIds(List<String> ids) {
            this.vectorStoreIds = List.copyOf(ids);
            return this;
        }

        /**
         * The progress line shown while the documents are searched; null shows none.
         *
         * @param text the line, or {@code null} for none; default "Durchsuche die Dokumente …"
         * @return this builder
         */
        public Builder searchingText(String text) {
            this.searchingText = text;
            return this;
        }

        /**
         * @return the immutable agent; logs a warning when it has no OpenAI client or no vector store
         */
        public ResponsesAgent build() {
            return new ResponsesAgent(this);
        }
    }
}

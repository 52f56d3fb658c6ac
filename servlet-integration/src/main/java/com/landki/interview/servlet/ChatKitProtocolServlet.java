package com.landki.interview.servlet;

import com.landki.interview.chatkit.server.ChatKitResult;
import com.landki.interview.chatkit.server.ChatKitServer;
import com.landki.interview.chatkit.server.types.RequestContext;
import com.landki.interview.config.Settings;
import com.landki.interview.servlet.InterviewApi;
import com.landki.interview.servlet.internal.ApiException;
import com.landki.interview.servlet.internal.ApiResponse;
import com.landki.interview.servlet.internal.ApiRoutes;
import com.landki.interview.servlet.internal.AttachmentEndpoints;
import com.landki.interview.servlet.internal.ChatKitBodies;
import com.landki.interview.servlet.internal.PayloadTooLargeException;
import com.landki.interview.servlet.internal.RequestBodies;
import com.landki.interview.servlet.internal.Responses;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code POST} endpoint of the ChatKit server protocol (mounted by the servlet module at
 * {@code /interview/api/chatkit}): reads the JSON request, resolves the caller's user id, and answers JSON or
 * {@code text/event-stream}. Streams are written with non-blocking I/O, no thread per stream, one SSE frame per
 * event (flushed as soon as the connection takes it), back-pressure to the upstream read when the page is slow,
 * and limits on open streams (503 / 429 {@code too_many_streams}); an SSE comment heartbeat notices a page that went away, which cancels the answer and aborts the
 * upstream model call. Refusals (body limit, content type, wrong method, protocol errors) go through the same
 * body checks and the same JSON error writer as every endpoint of the API.
 *
 * <p>Thread-safe; the container may call it concurrently. Needs {@code asyncSupported=true} where it is
 * registered.
 */
public class ChatKitProtocolServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final List<String> METHODS = List.of("POST");

    /** Largest request body accepted, except for {@code input.transcribe} (see {@code CHATKIT_DICTATION_MAX_BYTES}). */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** How often an idle stream sends an SSE comment. */
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(10);
    /** Longest a streamed answer may run. */
    public static final Duration DEFAULT_STREAM_TIMEOUT = Duration.ofMinutes(5);
    /** Request attribute the servlet sets to the {@link RequestContext} it used (for filters and logs). */
    public static final String CONTEXT_ATTRIBUTE = ChatKitProtocolServlet.class.getName() + ".context";

    private final transient ChatKitServer server;
    private final transient Function<HttpServletRequest, String> userIdResolver;
    private final transient Function<HttpServletRequest, Map<String, Object>> attributes;
    private final transient SseStreams streams;

    /**
     * A servlet with the default heartbeat, stream timeout and stream limits ({@code CHATKIT_MAX_STREAMS},
     * {@code CHATKIT_MAX_STREAMS_PER_USER}).
     *
     * @param server the protocol server; the caller closes it
     * @param userIdResolver the caller's user id (e.g. from the signed cookie); null or blank answers 401
     */
    public ChatKitProtocolServlet(ChatKitServer server, Function<HttpServletRequest, String> userIdResolver) {
        this(server, userIdResolver, null, DEFAULT_HEARTBEAT, DEFAULT_STREAM_TIMEOUT,
                Settings.CHATKIT_MAX_STREAMS.defaultValue(), Settings.CHATKIT_MAX_STREAMS_PER_USER.defaultValue());
    }

    /**
     * A servlet that adds {@code attributes} of the request to the {@link RequestContext} (null: none; e.g.
     * {@link RequestContext#IP} with the anonymized client IP; under the API {@link RequestContext#USER_HASH}
     * is added from {@link InterviewApi#USER_HASH_ATTRIBUTE} unless given), sends an SSE comment every
     * {@code heartbeat} while a stream runs (zero: none; a gone page is then noticed at the next event only),
     * cancels streams after {@code streamTimeout}, and keeps at most {@code maxStreams} streams open in all and
     * {@code maxStreamsPerUser} per user (0: no limit; more are answered 503 / 429 {@code too_many_streams}).
     * Streams hold no thread: they are written with non-blocking I/O as the answer arrives.
     *
     * @param server the protocol server; the caller closes it
     * @param userIdResolver the caller's user id; null or blank answers 401
     * @param attributes request attributes for the context, or {@code null}
     * @param heartbeat interval of SSE comments while a stream runs; zero for none
     * @param streamTimeout longest time a stream may run
     * @param maxStreams streams open at once in all; 0 for no limit
     * @param maxStreamsPerUser streams one user may have open at once; 0 for no limit
     */
    public ChatKitProtocolServlet(ChatKitServer server, Function<HttpServletRequest, String> userIdResolver,
                                  Function<HttpServletRequest, Map<String, Object>> attributes,
                                  Duration heartbeat, Duration streamTimeout, int maxStreams, int maxStreamsPerUser) {
        this.server = Objects.requireNonNull(server, "server");
        this.userIdResolver = Objects.requireNonNull(userIdResolver, "userIdResolver");
        this.attributes = attributes != null ? attributes : req -> Map.of();
        this.streams = new SseStreams(heartbeat, streamTimeout, maxStreams, maxStreamsPerUser);
    }

    /**
     * The protocol server this servlet answers with (its thread store serves operator erasure).
     *
     * @return the server
     */
    public ChatKitServer server() {
        return server;
    }

    /**
     * Registers {@code servlet} in {@code context} at {@code mapping} (e.g. {@code /interview/api/chatkit}) with
     * async support, which streaming needs — as must every filter in front of it. Call it while the context
     * initializes (a {@code ServletContainerInitializer} or {@code ServletContextListener}).
     *
     * @param context the web application, while it initializes
     * @param mapping the URL pattern
     * @param servlet the servlet
     * @return the registration, for further settings
     */
    public static ServletRegistration.Dynamic register(ServletContext context, String mapping,
                                                       ChatKitProtocolServlet servlet) {
        ServletRegistration.Dynamic registration = context.addServlet("interview-chatkit-protocol", servlet);
        if (registration == null) {
            throw new IllegalStateException("a servlet named interview-chatkit-protocol is already registered");
        }
        registration.setAsyncSupported(true);
        registration.setLoadOnStartup(1);
        Set<String> conflicts = addMappings(registration, mapping, servlet);
        if (!conflicts.isEmpty()) {
            throw new IllegalStateException(mapping + " is already mapped to another servlet: " + conflicts);
        }
        return registration;
    }

    /**
     * Maps the servlet to {@code mapping} and to the attachment endpoints below it
     * ({@code mapping/attachments/*}, multipart uploads up to the attachment cap); returns the conflicts.
     */
    static Set<String> addMappings(ServletRegistration.Dynamic registration, String mapping,
                                   ChatKitProtocolServlet servlet) {
        registration.setMultipartConfig(AttachmentEndpoints.multipartConfig(servlet.server));
        return registration.addMapping(mapping, mapping + AttachmentEndpoints.PATH + "/*");
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) {
        try {
            if (AttachmentEndpoints.handles(req)) {
                AttachmentEndpoints.serve(server, context(req), req, resp);
                return;
            }
            switch (req.getMethod()) {
                case "POST" -> post(req, resp);
                case "OPTIONS" -> Responses.write(resp, ApiResponse.noContent().withHeader("Allow", ApiRoutes.allow(METHODS)));
                default -> throw ApiRoutes.methodNotAllowed(req.getMethod(), req.getRequestURI(), METHODS);
            }
        } catch (IOException | RuntimeException e) {
            Responses.failure(req, resp, e);
        }
    }

    private void post(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        int limit = bodyLimit(server);
        RequestBodies.check(req, limit);
        // read to its end before any answer: an unread body would spoil the connection's next request; one
        // still on its way is read without holding this thread, and the request comes back here when complete
        byte[] body = RequestBodies.readOrDispatch(req, resp, limit);
        if (body == null) {
            return;
        }
        if (body.length > MAX_BODY_BYTES && !ChatKitBodies.isTranscribe(body)) {
            throw new PayloadTooLargeException(MAX_BODY_BYTES);
        }
        RequestContext context = context(req);
        ChatKitResult result = server.process(body, context);
        if (result.isStreaming()) {
            streams.start(req, resp, result, context.userId());
        } else {
            Responses.write(resp, ApiResponse.json(result.json()));
        }
    }

    /**
     * The largest body the endpoint reads: {@link #MAX_BODY_BYTES}, or for {@code input.transcribe} the base64
     * of the largest recording the server's dictation rules accept.
     */
    static int bodyLimit(ChatKitServer server) {
        return server.dictationOptions() == null ? MAX_BODY_BYTES
                : (int) Math.min(Integer.MAX_VALUE - 8, Math.max(MAX_BODY_BYTES,
                        server.dictationOptions().maxRequestBytes()));
    }

    /** The caller: user id (401 without one), the integration's attributes, the endpoint URL. */
    private RequestContext context(HttpServletRequest req) {
        String userId = userIdResolver.apply(req);
        if (userId == null || userId.isBlank()) {
            throw new ApiException(401, "unauthenticated", "no user id for this request");
        }
        Map<String, Object> given = withUserHash(req, attributes.apply(req));
        Map<String, Object> all = given == null ? new HashMap<>() : new HashMap<>(given);
        all.putIfAbsent(RequestContext.ENDPOINT_URL, endpointUrl(req));
        RequestContext context = new RequestContext(userId, all);
        req.setAttribute(CONTEXT_ATTRIBUTE, context);
        return context;
    }

    /**
     * The protocol endpoint's absolute URL as the caller reached it (behind a proxy, the container's
     * forwarded-headers support makes it the public one).
     */
    private static String endpointUrl(HttpServletRequest req) {
        String url = req.getRequestURL().toString();
        if (AttachmentEndpoints.handles(req)) {
            url = url.substring(0, url.length() - (req.getPathInfo() == null ? 0 : req.getPathInfo().length()));
            url = url.substring(0, url.length() - AttachmentEndpoints.PATH.length());
        }
        return url;
    }

    /**
     * Under the API, the user hash of the API's own log lines, so both backends' events of a user carry the
     * same keyed {@code user_hash}; an explicitly given {@link RequestContext#USER_HASH} is kept.
     */
    private static Map<String, Object> withUserHash(HttpServletRequest req, Map<String, Object> given) {
        Object hash = req.getAttribute(InterviewApi.USER_HASH_ATTRIBUTE);
        if (!(hash instanceof String) || (given != null && given.containsKey(RequestContext.USER_HASH))) {
            return given;
        }
        Map<String, Object> all = given == null ? new HashMap<>() : new HashMap<>(given);
        all.put(RequestContext.USER_HASH, hash);
        return all;
    }

    @Override
    public void destroy() {
        streams.close();
        super.destroy();
    }
}

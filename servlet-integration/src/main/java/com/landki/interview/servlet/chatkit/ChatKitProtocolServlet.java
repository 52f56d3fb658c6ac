package com.landki.interview.servlet.chatkit;

import com.landki.interview.chatkit.server.ChatKitResult;
import com.landki.interview.chatkit.server.ChatKitServer;
import com.landki.interview.chatkit.server.responder.EventSink;
import com.landki.interview.chatkit.server.types.ChatKitException;
import com.landki.interview.chatkit.server.types.RequestContext;
import com.landki.interview.servlet.InterviewApi;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST} endpoint of the ChatKit server protocol (mounted by the servlet module at
 * {@code /interview/api/chatkit}): reads the JSON request, resolves the caller's user id, and answers JSON or
 * {@code text/event-stream}. Streams run asynchronously ({@link AsyncContext}) on the stream executor, one
 * flushed SSE frame per event; an SSE comment heartbeat notices a page that went away, which cancels the
 * answer and aborts the upstream model call.
 *
 * <p>Thread-safe; the container may call it concurrently. Needs {@code asyncSupported=true} where it is
 * registered.
 */
public class ChatKitProtocolServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ChatKitProtocolServlet.class);

    /** Largest request body accepted. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** How often an idle stream sends an SSE comment. */
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(10);
    /** Longest a streamed answer may run. */
    public static final Duration DEFAULT_STREAM_TIMEOUT = Duration.ofMinutes(5);
    /** Request attribute the servlet sets to the {@link RequestContext} it used (for filters and logs). */
    public static final String CONTEXT_ATTRIBUTE = ChatKitProtocolServlet.class.getName() + ".context";

    private static final byte[] HEARTBEAT = ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);

    private final transient ChatKitServer server;
    private final transient Function<HttpServletRequest, String> userIdResolver;
    private final transient Function<HttpServletRequest, Map<String, Object>> attributes;
    private final transient Executor streamExecutor;
    private final transient ScheduledExecutorService heartbeats;
    private final transient boolean ownsExecutors;
    private final Duration heartbeat;
    private final Duration streamTimeout;

    /**
     * A servlet with its own stream and heartbeat threads (daemon), the default heartbeat and stream timeout.
     *
     * @param userIdResolver the caller's user id (e.g. from the signed cookie); null or blank answers 401
     */
    public ChatKitProtocolServlet(ChatKitServer server, Function<HttpServletRequest, String> userIdResolver) {
        this(server, userIdResolver, null, null, DEFAULT_HEARTBEAT, DEFAULT_STREAM_TIMEOUT);
    }

    /**
     * A servlet that adds {@code attributes} of the request to the {@link RequestContext} (null: none; e.g.
     * {@link RequestContext#IP} with the anonymized client IP; under the API {@link RequestContext#USER_HASH}
     * is added from {@link InterviewApi#USER_HASH_ATTRIBUTE} unless given), runs streams on {@code streamExecutor} (null:
     * its own cached daemon pool), sends an SSE comment every {@code heartbeat} while a stream runs (zero: none;
     * a gone page is then noticed at the next event only) and cancels streams after {@code streamTimeout}.
     */
    public ChatKitProtocolServlet(ChatKitServer server, Function<HttpServletRequest, String> userIdResolver,
                                  Function<HttpServletRequest, Map<String, Object>> attributes,
                                  Executor streamExecutor, Duration heartbeat, Duration streamTimeout) {
        this.server = Objects.requireNonNull(server, "server");
        this.userIdResolver = Objects.requireNonNull(userIdResolver, "userIdResolver");
        this.attributes = attributes != null ? attributes : req -> Map.of();
        if (heartbeat.isNegative()) {
            throw new IllegalArgumentException("heartbeat must be positive, or zero for none, was " + heartbeat);
        }
        if (streamTimeout.isNegative() || streamTimeout.isZero()) {
            throw new IllegalArgumentException("streamTimeout must be positive, was " + streamTimeout);
        }
        this.ownsExecutors = streamExecutor == null;
        this.streamExecutor = streamExecutor != null ? streamExecutor : Executors.newCachedThreadPool(daemon("chatkit-stream"));
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(daemon("chatkit-heartbeat"));
        this.heartbeat = heartbeat;
        this.streamTimeout = streamTimeout;
    }

    /** The protocol server this servlet answers with (its thread store serves operator erasure). */
    public ChatKitServer server() {
        return server;
    }

    /**
     * Registers {@code servlet} in {@code context} at {@code mapping} (e.g. {@code /interview/api/chatkit}) with
     * async support, which streaming needs — as must every filter in front of it. Call it while the context
     * initializes (a {@code ServletContainerInitializer} or {@code ServletContextListener}).
     */
    public static ServletRegistration.Dynamic register(ServletContext context, String mapping,
                                                       ChatKitProtocolServlet servlet) {
        ServletRegistration.Dynamic registration = context.addServlet("interview-chatkit-protocol", servlet);
        if (registration == null) {
            throw new IllegalStateException("a servlet named interview-chatkit-protocol is already registered");
        }
        registration.setAsyncSupported(true);
        registration.setLoadOnStartup(1);
        Set<String> conflicts = registration.addMapping(mapping);
        if (!conflicts.isEmpty()) {
            throw new IllegalStateException(mapping + " is already mapped to another servlet: " + conflicts);
        }
        return registration;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException, jakarta.servlet.ServletException {
        String method = req.getMethod();
        if ("POST".equals(method) || "OPTIONS".equals(method)) {
            super.service(req, resp);
            return;
        }
        resp.setHeader("Allow", "POST, OPTIONS");
        writeError(resp, 405, "method_not_allowed", "use POST for the ChatKit protocol");
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String contentType = req.getContentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            writeError(resp, 415, "unsupported_media_type", "send the ChatKit request as application/json");
            return;
        }
        byte[] body = readBody(req);
        if (body == null) {
            writeError(resp, 413, "payload_too_large", "the request body is larger than " + MAX_BODY_BYTES + " bytes");
            return;
        }
        String userId = userIdResolver.apply(req);
        if (userId == null || userId.isBlank()) {
            writeError(resp, 401, "unauthenticated", "no user id for this request");
            return;
        }
        RequestContext context = new RequestContext(userId, withUserHash(req, attributes.apply(req)));
        req.setAttribute(CONTEXT_ATTRIBUTE, context);
        ChatKitResult result;
        try {
            result = server.process(body, context);
        } catch (ChatKitException e) {
            writeError(resp, e.httpStatus(), e.code(), e.getMessage());
            return;
        }
        if (!result.isStreaming()) {
            byte[] json = result.json();
            resp.setStatus(200);
            resp.setContentType("application/json;charset=UTF-8");
            resp.setContentLength(json.length);
            resp.getOutputStream().write(json);
            return;
        }
        stream(req, resp, result);
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

    private void stream(HttpServletRequest req, HttpServletResponse resp, ChatKitResult result) throws IOException {
        resp.setStatus(200);
        resp.setContentType("text/event-stream;charset=UTF-8");
        resp.setHeader("Cache-Control", "no-cache, no-transform");
        resp.setHeader("X-Accel-Buffering", "no");
        AsyncContext async = req.startAsync();
        async.setTimeout(streamTimeout.toMillis());
        async.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                // normal end
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                LOG.info("ChatKit stream timed out after {}", streamTimeout);
                result.cancel();
            }

            @Override
            public void onError(AsyncEvent event) {
                result.cancel();
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // not restarted
            }
        });
        ServletOutputStream out = resp.getOutputStream();
        Object writeLock = new Object();
        try {
            streamExecutor.execute(() -> run(async, out, writeLock, result));
        } catch (RejectedExecutionException e) {
            LOG.warn("no thread for a ChatKit stream", e);
            async.complete();
        }
    }

    private void run(AsyncContext async, ServletOutputStream out, Object writeLock, ChatKitResult result) {
        ScheduledFuture<?> beat = heartbeat.isZero() ? null : heartbeats.scheduleWithFixedDelay(() -> {
            try {
                synchronized (writeLock) {
                    out.write(HEARTBEAT);
                    out.flush();
                }
            } catch (IOException | RuntimeException e) {
                LOG.debug("ChatKit page went away: {}", e.toString());
                result.cancel();
                throw new IllegalStateException("stop heartbeats", e);
            }
        }, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        try {
            EventSink sse = EventSink.sse(out);
            result.stream(event -> {
                synchronized (writeLock) {
                    sse.accept(event);
                }
            });
        } catch (RuntimeException e) {
            LOG.error("ChatKit stream failed", e);
        } finally {
            if (beat != null) {
                beat.cancel(false);
            }
            try {
                async.complete();
            } catch (IllegalStateException alreadyDone) {
                LOG.debug("async context already completed", alreadyDone);
            }
        }
    }

    @Override
    public void destroy() {
        heartbeats.shutdownNow();
        if (ownsExecutors && streamExecutor instanceof ExecutorService service) {
            service.shutdownNow();
        }
        try {
            // containers warn about threads that outlive the application
            heartbeats.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        super.destroy();
    }

    /** The body, or null when it exceeds {@link #MAX_BODY_BYTES}. */
    private static byte[] readBody(HttpServletRequest req) throws IOException {
        if (req.getContentLengthLong() > MAX_BODY_BYTES) {
            return null;
        }
        try (InputStream in = req.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return body.length > MAX_BODY_BYTES ? null : body;
        }
    }

    private static void writeError(HttpServletResponse resp, int status, String code, String message) throws IOException {
        byte[] json = ("{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + escape(message) + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType("application/json;charset=UTF-8");
        resp.setContentLength(json.length);
        resp.getOutputStream().write(json);
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

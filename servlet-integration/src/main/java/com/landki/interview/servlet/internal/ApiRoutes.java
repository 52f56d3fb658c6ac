package com.landki.interview.servlet.internal;

import com.landki.interview.store.ExportFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The route table of the API (docs/integration.md, "Endpoints"): each endpoint's path, method, rate-limit
 * bucket, access and container-free handler, in one place. The filter reads it for rate limits and user ids,
 * the API servlet dispatches through it, and wrong methods, {@code OPTIONS} and {@code HEAD} are answered
 * from it. Immutable and thread-safe.
 */
public final class ApiRoutes {

    /** The ChatKit server protocol, answered by the protocol servlet where it is mounted. */
    public static final String CHATKIT = "/chatkit";
    /** The attachment endpoints below {@link #CHATKIT}, answered by the protocol servlet where it is mounted. */
    public static final String CHATKIT_ATTACHMENTS = CHATKIT + AttachmentEndpoints.PATH + "/*";
    /** Mints a ChatKit session ({@code hosted} backend). */
    public static final String SESSION = "/chatkit/session";

    /** Who may call a route. */
    public enum Access {
        PUBLIC,
        ADMIN,
        /** admin, unless {@code FEEDBACK_LIST_PUBLIC=true} */
        ADMIN_UNLESS_LIST_PUBLIC
    }

    /** Answers one request; a future that is not done yet is answered asynchronously. */
    @FunctionalInterface
    public interface Handler {
        CompletableFuture<ApiResponse> handle(ApiRequest request) throws IOException;
    }

    /**
     * One endpoint.
     *
     * @param bucket the rate-limit bucket ({@code ApiRuntime.BUCKET_*}), or {@code null} when not limited
     * @param user   whether the caller's user id is resolved (and the cookie set) before the handler runs
     * @param upload the largest {@code multipart/form-data} body the route takes (an attachment upload), or 0
     *               for a JSON body within the API's body limit
     * @param json   the largest JSON body the route takes when it is above the API's body limit (the protocol
     *               endpoint's {@code input.transcribe}, which checks the rest itself), or 0 for the API's limit
     */
    public record Route(String method, String path, String bucket, Access access, boolean user, Handler handler,
                        long upload, long json) {
    }

    private final Map<String, Map<String, Route>> byPath = new LinkedHashMap<>();
    private final String base;
    private final AdminAuth admin;
    private final boolean feedbackListPublic;

    ApiRoutes(ApiRuntime rt, String base) {
        this.base = base;
        this.admin = rt.admin;
        this.feedbackListPublic = rt.options.security().feedbackListPublic();
        add("GET", "/health", null, Access.PUBLIC, false, r -> done(rt.info.health()));
        add("GET", "/config", null, Access.PUBLIC, false, r -> done(rt.info.config()));
        add("POST", SESSION, ApiRuntime.BUCKET_SESSION, Access.PUBLIC, true,
                r -> rt.sessions.create(r.json(), r.caller()));
        add("POST", "/classify", ApiRuntime.BUCKET_CLASSIFY, Access.PUBLIC, true,
                r -> rt.classify.classify(r.json(), r.caller()));
        add("POST", "/feedback", ApiRuntime.BUCKET_FEEDBACK, Access.PUBLIC, false,
                r -> done(rt.feedback.submitPublic(r.json(), r.caller())));
        add("GET", "/feedback/list", null, Access.ADMIN_UNLESS_LIST_PUBLIC, false,
                r -> done(rt.feedback.list(limit(r.query("limit"), 50))));
        add("POST", "/admin/feedback", null, Access.ADMIN, false,
                r -> done(rt.feedback.submitAdmin(r.json(), r.caller())));
        add("GET", "/admin/stats", null, Access.ADMIN, false, r -> done(rt.adminHandler.stats()));
        add("GET", "/admin/logs", null, Access.ADMIN, false,
                r -> done(rt.adminHandler.logs(r.query("type"), limit(r.query("limit"), 100))));
        add("GET", "/admin/feedback/export", null, Access.ADMIN, false, r -> done(rt.adminHandler.export(format(r))));
        add("DELETE", "/admin/data", null, Access.ADMIN, false,
                r -> done(rt.adminHandler.erase(r.query("session_id"), r.query("user_id"))));
        add("GET", "/metrics", null, Access.ADMIN, false, r -> done(metrics(rt.metrics, r.header("Accept"))));
        // reached only where the own server's protocol servlet is not mounted
        String chatKitUnavailable = rt.parts.setup.chatKitUnavailable();
        Handler notMounted = r -> {
            throw ApiException.notConfigured(chatKitUnavailable);
        };
        long dictation = rt.parts.chatKitServer == null || rt.parts.chatKitServer.dictationOptions() == null ? 0
                : rt.parts.chatKitServer.dictationOptions().maxRequestBytes();
        byPath.computeIfAbsent(CHATKIT, p -> new LinkedHashMap<>()).put("POST", new Route("POST", CHATKIT,
                ApiRuntime.BUCKET_CHATKIT, Access.PUBLIC, true, notMounted, 0, dictation));
        long upload = rt.parts.chatKitServer == null ? 0
                : rt.parts.chatKitServer.attachmentOptions().maxBytes() + AttachmentEndpoints.MULTIPART_OVERHEAD;
        byPath.computeIfAbsent(CHATKIT_ATTACHMENTS, p -> new LinkedHashMap<>()).put("POST", new Route("POST",
                CHATKIT_ATTACHMENTS, ApiRuntime.BUCKET_CHATKIT, Access.PUBLIC, true, notMounted, upload, 0));
        add("GET", CHATKIT_ATTACHMENTS, ApiRuntime.BUCKET_CHATKIT, Access.PUBLIC, true, notMounted);
    }

    private void add(String method, String path, String bucket, Access access, boolean user, Handler handler) {
        byPath.computeIfAbsent(path, p -> new LinkedHashMap<>())
                .put(method, new Route(method, path, bucket, access, user, handler, 0, 0));
    }

    /** The table's key for {@code path}: itself, or the {@code /*} pattern it lies below. */
    private String key(String path) {
        if (byPath.containsKey(path)) {
            return path;
        }
        String prefix = CHATKIT_ATTACHMENTS.substring(0, CHATKIT_ATTACHMENTS.length() - 1);
        return path.startsWith(prefix) ? CHATKIT_ATTACHMENTS : path;
    }

    /** Every route, in table order. */
    public List<Route> all() {
        List<Route> all = new ArrayList<>();
        byPath.values().forEach(methods -> all.addAll(methods.values()));
        return all;
    }

    /**
     * The route template of {@code path}, the {@code route} label of the HTTP-server metrics: the path itself
     * when the table has it, else {@code unmatched} (never a raw path, which would let any client add series).
     */
    public String template(String path) {
        String key = key(path);
        return byPath.containsKey(key) ? key : HttpServerMetrics.UNMATCHED;
    }

    /** The route for {@code method} (HEAD finds GET) at {@code path}, or {@code null}. */
    public Route find(String method, String path) {
        Map<String, Route> methods = byPath.get(key(path));
        return methods == null ? null : methods.get("HEAD".equals(method) ? "GET" : method);
    }

    /**
     * The route a request goes to.
     *
     * @throws ApiException 404 for an unknown path, 405 with {@code Allow} for a method the path does not take
     */
    public Route route(String method, String path) {
        Map<String, Route> methods = byPath.get(key(path));
        if (methods == null) {
            throw new ApiException(404, "not_found", "no endpoint " + method + " " + base + path);
        }
        Route route = find(method, path);
        if (route == null) {
            throw methodNotAllowed(method, base + path, methods.keySet());
        }
        return route;
    }

    /** The answer to {@code OPTIONS} at {@code path}: 204 with {@code Allow}; 404 for an unknown path. */
    public ApiResponse options(String path) {
        Map<String, Route> methods = byPath.get(key(path));
        if (methods == null) {
            throw new ApiException(404, "not_found", "no endpoint OPTIONS " + base + path);
        }
        return ApiResponse.noContent().withHeader("Allow", allow(methods.keySet()));
    }

    /** Runs the route's handler after its access check. */
    public CompletableFuture<ApiResponse> call(Route route, ApiRequest request) throws IOException {
        if (route.access() == Access.ADMIN || (route.access() == Access.ADMIN_UNLESS_LIST_PUBLIC && !feedbackListPublic)) {
            admin.check(request.header("Authorization"), request.client(), request.header("Host"),
                    request.header("X-Forwarded-Host"));
        }
        return route.handler().handle(request);
    }

    /** The {@code Allow} header for {@code methods}: HEAD where GET is, and always OPTIONS. */
    public static String allow(Collection<String> methods) {
        return String.join(", ", methods) + (methods.contains("GET") ? ", HEAD" : "") + ", OPTIONS";
    }

    /** 405 {@code method_not_allowed} naming the methods {@code path} takes, with {@code Allow}. */
    public static ApiException methodNotAllowed(String method, String path, Collection<String> methods) {
        return new ApiException(405, "method_not_allowed", method + " is not allowed on " + path
                + "; use " + String.join(" or ", methods), Map.of("Allow", allow(methods)));
    }

    /** Parses {@code limit}: absent gives {@code fallback}; anything but an integer 1..500 is 400. */
    static int limit(String raw, int fallback) {
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= 1 && value <= 500) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the validation error below
        }
        throw ApiException.validation("limit", "must be an integer 1..500, was '" + raw + "'");
    }

    private static ExportFormat format(ApiRequest request) {
        String raw = request.query("format");
        try {
            return ExportFormat.parse(raw == null ? "csv" : raw);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("format", "must be csv or jsonl");
        }
    }

    /** The meters in OpenMetrics when {@code accept} prefers it, else in Prometheus text 0.0.4. */
    private static ApiResponse metrics(ApiMetrics metrics, String accept) {
        MeterRegistries.Scrape scrape = metrics.scrape(accept);
        return ApiResponse.bytes(scrape.contentType(), scrape.text().getBytes(StandardCharsets.UTF_8))
                .withHeader("Vary", "Accept");
    }

    private static CompletableFuture<ApiResponse> done(ApiResponse response) {
        return CompletableFuture.completedFuture(response);
    }
}

package com.landki.interview.example;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error pages for what the container refuses before (or instead of) the API: a request line or headers
 * too large (414, 431), header folding, {@code Content-Length} with {@code Transfer-Encoding}, a missing, doubled
 * or malformed {@code Host}, bad percent-encoding, an ambiguous path, an unknown HTTP version. Under the API's
 * mount path, and when the request line was unreadable (no path is known), the answer is the API's error body
 * {@code {"error":{"code","message"}}} as {@code application/json}; other paths (the page, the dashboard) keep
 * Jetty's page, without stack traces. Set on the server and on the servlet context.
 */
final class ApiErrorHandler extends ErrorHandler {

    /** Where Jetty points a request whose request line it could not read (HttpConnection's placeholders). */
    private static final String UNREAD_TARGET = "/badMessage";
    private static final String UNREAD_URI = "/badURI";
    /** Longer or other reasons than Jetty's own short texts are not passed on. */
    private static final int MAX_REASON = 100;
    private static final JsonFactory JSON = new JsonFactory();

    private final String mountPath;

    ApiErrorHandler(String mountPath) {
        this.mountPath = mountPath;
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        // the path as sent: "/interview/api/%2e%2e/x" is refused for its API path, whatever it would resolve to
        if (!answersJson(request.getHttpURI().getPath())) {
            return super.handle(request, response, callback);
        }
        int status = response.getStatus();
        Throwable cause = (Throwable) request.getAttribute(ERROR_EXCEPTION);
        String reason = null;
        if (cause instanceof HttpException http) {
            status = http.getCode();
            reason = http.getReason();
            response.setStatus(status);
        } else if (cause == null) {
            reason = (String) request.getAttribute(ERROR_MESSAGE);
        }
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        if (HttpStatus.hasNoBody(status)) {
            callback.succeeded();
            return true;
        }
        byte[] body = body(code(status), message(status, reason));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        boolean head = HttpMethod.HEAD.is(request.getMethod());
        response.write(true, head ? null : ByteBuffer.wrap(body), callback);
        return true;
    }

    private boolean answersJson(String path) {
        return path == null || path.equals(UNREAD_TARGET) || path.equals(UNREAD_URI)
                || path.equals(mountPath) || path.startsWith(mountPath + "/");
    }

    /** The error code of a status, as the API's own codes are named; listed in docs/operations.md. */
    static String code(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 408 -> "request_timeout";
            case 413 -> "payload_too_large";
            case 414 -> "uri_too_long";
            case 417 -> "expectation_failed";
            case 426 -> "upgrade_required";
            case 431 -> "headers_too_large";
            case 500 -> "internal_error";
            case 501 -> "not_implemented";
            case 503 -> "unavailable";
            case 505 -> "http_version_not_supported";
            default -> HttpStatus.getMessage(status).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        };
    }

    /**
     * Jetty's reason when it is one of its short texts ("Line Folding not supported", "No Host"), else the
     * status's phrase; a failure of the server itself never shows its exception (the API's own text).
     */
    static String message(int status, String reason) {
        if (status == 500) {
            return "unexpected server error; see the server log";
        }
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON || !reason.matches("[\\x20-\\x7e]+")) {
            return HttpStatus.getMessage(status);
        }
        return reason;
    }

    private static byte[] body(String code, String message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeObjectFieldStart("error");
            json.writeStringField("code", code);
            json.writeStringField("message", message);
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        }
        return out.toByteArray();
    }
}

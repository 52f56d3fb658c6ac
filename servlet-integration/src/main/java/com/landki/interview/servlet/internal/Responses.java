package com.landki.interview.servlet.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one error writer of every endpoint, the ChatKit protocol servlet's included: writes {@link ApiResponse}s
 * and the JSON error body {@code {"error":{"code","message"}}}; the one exception-to-status map is
 * {@link ApiException#from}. Stateless.
 */
public final class Responses {

    private static final Logger LOG = LoggerFactory.getLogger("com.landki.interview.servlet");

    private Responses() {
    }

    public static void write(HttpServletResponse res, ApiResponse response) throws IOException {
        res.setStatus(response.status());
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            res.setHeader(header.getKey(), header.getValue());
        }
        if (!res.containsHeader("Cache-Control")) {
            res.setHeader("Cache-Control", "no-store");
        }
        res.setHeader("X-Content-Type-Options", "nosniff");
        if (response.body() == null) {
            return;
        }
        if (response.body() instanceof ApiResponse.Raw raw) {
            res.setContentType(raw.contentType());
            if (raw.length() >= 0) {
                res.setContentLengthLong(raw.length());
            }
            OutputStream out = res.getOutputStream();
            raw.writer().writeTo(out);
            out.flush();
            return;
        }
        byte[] bytes = Json.write(response.body());
        res.setContentType("application/json;charset=utf-8");
        res.setContentLength(bytes.length);
        res.getOutputStream().write(bytes);
    }

    /** Writes {@code {"error":{"code","message"}}} unless the response is already on its way. */
    public static void error(HttpServletResponse res, ApiException error) {
        if (res.isCommitted()) {
            LOG.warn("cannot send {} after the response started: {}", error.code(), error.getMessage());
            return;
        }
        try {
            res.resetBuffer();
            write(res, new ApiResponse(error.status(), Json.errorBody(error.code(), error.getMessage()),
                    error.headers()));
        } catch (IOException | IllegalStateException e) {
            LOG.debug("client went away before the error body was written: {}", e.toString());
        }
    }

    /**
     * Answers any failure: 413 after draining the body for {@link PayloadTooLargeException}, the mapped error
     * body for anything else; nothing when the client went away while the answer was being written.
     */
    public static void failure(HttpServletRequest req, HttpServletResponse res, Throwable failure) {
        Throwable cause = UpstreamErrors.unwrap(failure);
        if (cause instanceof jakarta.servlet.ServletException && cause.getCause() != null) {
            cause = UpstreamErrors.unwrap(cause.getCause());
        }
        if (cause instanceof PayloadTooLargeException tooLarge) {
            tooLarge(req, res, tooLarge.limit());
        } else if (!(res.isCommitted() && cause instanceof IOException)) {
            error(res, ApiException.from(cause));
        }
    }

    /**
     * Answers 413. A moderately oversized body is read and dropped first, without holding the thread
     * ({@link RequestBodies#drainThenRefuse}): closing the connection with unread bytes makes the TCP stack
     * reset it, and the client would never see the answer.
     */
    public static void tooLarge(HttpServletRequest req, HttpServletResponse res, long limit) {
        ApiException error = PayloadTooLargeException.toApi(limit);
        if (req.getContentLengthLong() > RequestBodies.DRAIN_LIMIT) {
            // a declared length that large is answered at once: reading it would hold the connection for as
            // long as the client cares to trickle bytes
            error(res, error.withHeader("Connection", "close"));
            return;
        }
        if (req.getAttribute(RequestBodies.BODY_ATTRIBUTE) != null) {
            error(res, error); // read to its end already
            return;
        }
        try {
            if (req.isAsyncSupported() && !req.isAsyncStarted()) {
                RequestBodies.drainThenRefuse(req, res, limit);
                return;
            }
        } catch (IOException | IllegalStateException e) {
            LOG.debug("cannot drain the oversized body: {}", e.toString()); // it was read another way
        }
        error(res, error.withHeader("Connection", "close"));
    }
}

package com.landki.interview.servlet.internal;

import com.landki.interview.store.InvalidEntryException;
import com.landki.interview.store.StoreException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes JSON answers and JSON error bodies. Stateless. */
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

    /** Maps anything thrown by a handler to an error body; unexpected failures are logged, never shown. */
    public static ApiException toApi(Throwable failure) {
        Throwable cause = UpstreamErrors.unwrap(failure);
        if (cause instanceof ApiException api) {
            return api;
        }
        if (cause instanceof PayloadTooLargeException) {
            return PayloadTooLargeException.toApi(((PayloadTooLargeException) cause).limit());
        }
        if (UpstreamErrors.isUpstream(cause)) {
            return UpstreamErrors.toApi(cause);
        }
        if (cause instanceof InvalidEntryException invalid) {
            return new ApiException(400, "validation_failed", invalid.getMessage());
        }
        if (cause instanceof StoreException) {
            LOG.error("store failure while answering an API request", cause);
            return new ApiException(503, "store_unavailable", "the store could not be used; see the server log");
        }
        LOG.error("unexpected failure while answering an API request", cause);
        return new ApiException(500, "internal_error", "unexpected server error; see the server log");
    }
}

package com.landki.interview.servlet.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * The body rules every endpoint shares, the ChatKit protocol servlet's included: a size limit (413), JSON
 * as the only content type of a body (415), and the one place bodies are read: asynchronously, under a
 * deadline and a minimum data rate (408). Stateless.
 */
public final class RequestBodies {

    private RequestBodies() {
    }

    /**
     * Checks what the headers say before a body is read.
     *
     * @throws PayloadTooLargeException when {@code Content-Length} is over {@code limit}
     * @throws ApiException             415 when there is a body that is not JSON
     */
    public static void check(HttpServletRequest req, long limit) throws PayloadTooLargeException {
        checkLength(req, limit);
        long length = req.getContentLengthLong();
        boolean hasBody = length > 0 || (length < 0 && req.getHeader("Transfer-Encoding") != null);
        if (hasBody && !isJson(req.getContentType())) {
            throw new ApiException(415, "unsupported_media_type",
                    "send the request body as 'Content-Type: application/json'");
        }
    }

    /** @throws PayloadTooLargeException when {@code Content-Length} is over {@code limit} */
    public static void checkLength(HttpServletRequest req, long limit) throws PayloadTooLargeException {
        if (req.getContentLengthLong() > limit) {
            throw new PayloadTooLargeException(limit);
        }
    }

    /** Where {@link BodyReader} leaves a body it has read before it dispatches the request again. */
    static final String BODY_ATTRIBUTE = "com.landki.interview.servlet.body";
    /** How long any body may take before the minimum rate applies. */
    static final long GRACE_MS = 5_000;
    /** The slowest a body may arrive after {@link #GRACE_MS}: slower is 408 {@code request_timeout}. */
    static final long MIN_BYTES_PER_SECOND = 4096;
    /** How much of an oversized body is read and dropped before the 413 (beyond that the connection closes). */
    static final long DRAIN_LIMIT = 1024 * 1024;

    /**
     * The whole body, when an earlier read of this request has it; otherwise {@code null}, after it started
     * reading the body without holding the thread ({@link BodyReader}). That read answers 408 or 413 itself,
     * or dispatches the request again to the calling servlet, which then gets the body here. More than
     * {@code limit} bytes is answered 413.
     */
    public static byte[] readOrDispatch(HttpServletRequest req, HttpServletResponse res, int limit)
            throws IOException {
        Object read = req.getAttribute(BODY_ATTRIBUTE);
        if (read instanceof byte[] body) {
            return body;
        }
        if (req.getContentLengthLong() == 0 || hasNoBody(req)) {
            return new byte[0];
        }
        BodyReader.start(req, res, limit, DRAIN_LIMIT);
        return null;
    }

    /**
     * An HTTP/1.x request with neither {@code Content-Length} nor {@code Transfer-Encoding} has no body (RFC 9112,
     * 6.3), as a bare {@code curl -X POST} sends it: no asynchronous read is started for nothing.
     */
    private static boolean hasNoBody(HttpServletRequest req) {
        return req.getContentLengthLong() < 0 && req.getHeader("Transfer-Encoding") == null
                && req.getProtocol() != null && req.getProtocol().startsWith("HTTP/1.");
    }

    /**
     * Reads and drops a body over {@code limit} before its 413 without holding the thread (the client reads
     * an answer only when its body was taken); the 413 closes the connection past {@link #DRAIN_LIMIT}.
     */
    static void drainThenRefuse(HttpServletRequest req, HttpServletResponse res, long limit) throws IOException {
        BodyReader.start(req, res, limit, DRAIN_LIMIT);
    }

    /** The async deadline for a body of {@code bytes}: the grace period plus its bytes at the minimum rate. */
    static long deadlineMs(long bytes) {
        return GRACE_MS + bytes * 1000 / MIN_BYTES_PER_SECOND;
    }

    /** The fewest bytes a body must have delivered {@code elapsedMs} after its request started. */
    static long minimumBytesAfter(long elapsedMs) {
        return Math.max(0, elapsedMs - GRACE_MS) * MIN_BYTES_PER_SECOND / 1000;
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return media.equals("application/json") || (media.startsWith("application/") && media.endsWith("+json"));
    }
}

package com.landki.interview.servlet.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * The body rules every endpoint shares, the ChatKit protocol servlet's included: a size limit (413) and JSON
 * as the only content type of a body (415). Stateless.
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

    /** The whole body, read to its end; more than {@code limit} bytes is {@link PayloadTooLargeException}. */
    public static byte[] read(HttpServletRequest req, int limit) throws IOException {
        try (InputStream in = req.getInputStream()) {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw new PayloadTooLargeException(limit);
            }
            return body;
        }
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return media.equals("application/json") || (media.startsWith("application/") && media.endsWith("+json"));
    }
}

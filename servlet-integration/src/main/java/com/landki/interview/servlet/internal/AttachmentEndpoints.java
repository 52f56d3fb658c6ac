package com.landki.interview.servlet.internal;

import com.landki.interview.chatkit.server.ChatKitServer;
import com.landki.interview.chatkit.server.types.AttachmentContent;
import com.landki.interview.chatkit.server.types.RequestContext;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The attachment endpoints below the ChatKit protocol endpoint: {@code POST …/attachments/{id}/upload} (the
 * second phase of a two-phase upload, {@code multipart/form-data} with the bytes in the field {@code file}, as
 * ChatKit's client sends it) and {@code GET …/attachments/{id}/preview} (an image attachment's bytes, to its
 * owner only). Errors are the API's JSON bodies. Stateless.
 */
public final class AttachmentEndpoints {

    /** The sub-path the protocol servlet is also mapped to. */
    public static final String PATH = "/attachments";
    /** Room for the multipart framing around the file. */
    public static final long MULTIPART_OVERHEAD = 64 * 1024;
    private static final Pattern SUB_PATH = Pattern.compile("/([A-Za-z0-9_-]{1,100})/(upload|preview)");

    private AttachmentEndpoints() {
    }

    /** The multipart settings the protocol servlet is registered with (parts kept in memory). */
    public static MultipartConfigElement multipartConfig(ChatKitServer server) {
        long max = server.attachmentOptions().maxBytes();
        return new MultipartConfigElement("", max, max + MULTIPART_OVERHEAD, (int) Math.min(Integer.MAX_VALUE, max + 1));
    }

    /** Whether {@code req} is for an attachment endpoint (the servlet's path ends with {@link #PATH}). */
    public static boolean handles(HttpServletRequest req) {
        return req.getServletPath() != null && req.getServletPath().endsWith(PATH);
    }

    /** Answers an attachment request of the caller {@code context}. */
    public static void serve(ChatKitServer server, RequestContext context, HttpServletRequest req,
                             HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        Matcher m = SUB_PATH.matcher(path);
        if (!m.matches()) {
            throw new ApiException(404, "not_found", "no endpoint " + req.getMethod() + " " + req.getRequestURI());
        }
        String id = m.group(1);
        boolean upload = m.group(2).equals("upload");
        String method = upload ? "POST" : "GET";
        if (!method.equals(req.getMethod()) && !(!upload && "HEAD".equals(req.getMethod()))) {
            throw ApiRoutes.methodNotAllowed(req.getMethod(), req.getRequestURI(), List.of(method));
        }
        if (upload) {
            byte[] bytes = file(req, server.attachmentOptions().maxBytes());
            Responses.write(resp, ApiResponse.json(server.uploadAttachment(context, id, bytes)));
        } else {
            AttachmentContent image = server.attachmentPreview(context, id);
            Responses.write(resp, ApiResponse.bytes(image.mimeType(), image.bytes())
                    .withHeader("Cache-Control", "private, max-age=3600")
                    .withHeader("Content-Disposition", "inline")
                    .withHeader("Content-Security-Policy", "default-src 'none'"));
        }
    }

    /**
     * 413 for a multipart body over the container's limits. The container stopped reading it part way, so the
     * rest cannot be drained: the connection is closed (the client sends its next request on a new one).
     */
    private static ApiException partLimit(long max) {
        return PayloadTooLargeException.toApi(max).withHeader("Connection", "close");
    }

    /** Whether a multipart failure is an exceeded size limit (an {@link IllegalStateException} in its causes). */
    private static boolean causedByLimit(Throwable failure) {
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof IllegalStateException) {
                return true;
            }
        }
        return false;
    }

    /** The bytes of the part {@code file}; more than {@code max} bytes is 413. */
    private static byte[] file(HttpServletRequest req, long max) throws IOException {
        String type = req.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new ApiException(415, "unsupported_media_type",
                    "upload the file as multipart/form-data with the field 'file'");
        }
        if (req.getContentLengthLong() > max + MULTIPART_OVERHEAD) {
            throw new PayloadTooLargeException(max);
        }
        Part part;
        try {
            part = req.getPart("file");
        } catch (IllegalStateException e) {
            // the container's multipart limits (maxFileSize, maxRequestSize) were exceeded
            throw partLimit(max);
        } catch (ServletException e) {
            if (causedByLimit(e)) {
                // Jetty wraps the exceeded multipart limit in a ServletException
                throw partLimit(max);
            }
            throw ApiException.validation("file", "the multipart body could not be read");
        }
        if (part == null) {
            throw ApiException.validation("file", "is required: a multipart field named 'file' with the bytes");
        }
        if (part.getSize() > max) {
            throw new PayloadTooLargeException(max);
        }
        try (InputStream in = part.getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw new PayloadTooLargeException(max);
            }
            return bytes;
        }
    }
}

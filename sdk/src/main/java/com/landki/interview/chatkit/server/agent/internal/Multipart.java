package com.landki.interview.chatkit.server.agent.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A {@code multipart/form-data} body (RFC 7578) of text fields and files, built in memory. Names and file names
 * are the caller's constants or sanitized values: quotes, backslashes and line breaks are dropped. Not
 * thread-safe; one body per instance.
 */
public final class Multipart {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] CRLF = {'\r', '\n'};

    private final String boundary;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public Multipart() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        this.boundary = "----interview-" + HexFormat.of().formatHex(random);
    }

    /** Adds a text field. */
    public Multipart field(String name, String value) {
        head("form-data; name=\"" + clean(name) + "\"", null);
        write(value.getBytes(StandardCharsets.UTF_8));
        write(CRLF);
        return this;
    }

    /** Adds a file part with its content type. */
    public Multipart file(String name, String fileName, String contentType, byte[] content) {
        head("form-data; name=\"" + clean(name) + "\"; filename=\"" + clean(fileName) + "\"", clean(contentType));
        write(content);
        write(CRLF);
        return this;
    }

    /** The {@code Content-Type} header value, with the boundary. */
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The finished body. */
    public byte[] body() {
        ByteArrayOutputStream done = new ByteArrayOutputStream(out.size() + boundary.length() + 8);
        done.writeBytes(out.toByteArray());
        done.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return done.toByteArray();
    }

    private void head(String disposition, String contentType) {
        StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                .append("Content-Disposition: ").append(disposition).append("\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
    }

    private void write(byte[] bytes) {
        out.writeBytes(bytes);
    }

    private static String clean(String value) {
        return value.replaceAll("[\"\\\\\\r\\n]", "");
    }
}

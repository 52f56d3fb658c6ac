package com.landki.interview.servlet.internal;

import java.io.IOException;

/** Thrown by the limited request stream once a body passes the size limit. */
public final class PayloadTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long limit;

    public PayloadTooLargeException(long limit) {
        super("request body larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    public static ApiException toApi(long limit) {
        return new ApiException(413, "payload_too_large", "request body must be at most " + limit + " bytes");
    }
}

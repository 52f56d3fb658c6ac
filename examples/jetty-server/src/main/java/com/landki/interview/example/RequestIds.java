package com.landki.interview.example;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.MDC;

/**
 * Gives every request an id of ours (16 hex digits) before anything else handles it: as the request attribute
 * {@link #ATTRIBUTE} (for the {@link AccessLog access line}) and as the SLF4J MDC field {@link #MDC_KEY} of every
 * line logged while it is handled. Work that continues on other threads (async answers, streams, retries) carries
 * the MDC over itself. OpenAI's own request id stays a separate field ({@code upstream_request_id}).
 */
final class RequestIds extends Handler.Wrapper {

    /** The MDC field, in every log line of a request (text: {@code request_id=…}; JSON: {@code "request_id"}). */
    static final String MDC_KEY = "request_id";
    /** The request attribute with the id. */
    static final String ATTRIBUTE = RequestIds.class.getName();

    RequestIds(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        request.setAttribute(ATTRIBUTE, id);
        try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_KEY, id)) {
            return super.handle(request, response, callback);
        }
    }
}

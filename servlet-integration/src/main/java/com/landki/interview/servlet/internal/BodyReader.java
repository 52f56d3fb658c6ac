package com.landki.interview.servlet.internal;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Reads one request body with a {@link ReadListener}, so no container thread waits while its bytes are on
 * their way, under a deadline and a minimum data rate ({@link RequestBodies#GRACE_MS},
 * {@link RequestBodies#MIN_BYTES_PER_SECOND}): a slower body is answered 408 {@code request_timeout}. When
 * the body is complete it is stored in a request attribute and the request dispatched again to its servlet;
 * a body over {@code limit} is drained up to {@code drainLimit} and answered 413. Not thread-safe: the
 * container calls one listener method at a time.
 */
final class BodyReader implements ReadListener, AsyncListener {

    private static final int MIN_BUFFER = 64;
    private static final int MAX_BUFFER = 8192;
    private static final int UNKNOWN_LENGTH_BUFFER = 1024;

    private final AsyncContext async;
    private final HttpServletResponse res;
    private final ServletInputStream in;
    private final long limit;
    private final long drainLimit;
    private final LongSupplier clock;
    private final long started;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final AtomicBoolean finished = new AtomicBoolean();
    /**
     * Sized by the announced length: a session request's body is empty or a few bytes, and an 8 KiB buffer per
     * request in flight was a third of the byte arrays the server allocated under load (docs/benchmarks.md).
     */
    private final byte[] buffer;
    private long received;

    private BodyReader(AsyncContext async, HttpServletResponse res, ServletInputStream in, long limit,
                       long drainLimit, long announced, LongSupplier clock) {
        this.async = async;
        // one more than announced, so the end of the body is seen in the same read
        this.buffer = new byte[(int) Math.max(MIN_BUFFER, Math.min(MAX_BUFFER, announced + 1))];
        this.res = res;
        this.in = in;
        this.limit = limit;
        this.drainLimit = drainLimit;
        this.clock = clock;
        this.started = clock.getAsLong();
    }

    /**
     * Starts reading {@code req}'s body. {@code limit} is the most bytes kept; past it the reader only drains
     * (up to {@code drainLimit} in all) to answer 413. A {@code limit} of 0 drains the whole body for a 413.
     */
    static void start(HttpServletRequest req, HttpServletResponse res, long limit, long drainLimit)
            throws IOException {
        long expected = req.getContentLengthLong() >= 0 ? req.getContentLengthLong() : Math.max(limit, 1);
        AsyncContext async = req.startAsync();
        async.setTimeout(RequestBodies.deadlineMs(Math.min(expected, Math.max(limit, drainLimit))));
        // without a length (chunked, or a bare POST that has no body at all) a small buffer: most such bodies are empty
        long bufferFor = req.getContentLengthLong() >= 0 ? req.getContentLengthLong() : UNKNOWN_LENGTH_BUFFER;
        BodyReader reader = new BodyReader(async, res, req.getInputStream(), limit, drainLimit, bufferFor,
                () -> System.nanoTime() / 1_000_000L);
        async.addListener(reader);
        try {
            reader.in.setReadListener(reader);
        } catch (IllegalStateException e) {
            async.complete(); // the body was read another way already: no cycle may stay open
            throw e;
        }
    }

    @Override
    public void onDataAvailable() throws IOException {
        while (!finished.get() && in.isReady()) {
            int n = in.read(buffer);
            if (n < 0) {
                return; // onAllDataRead follows
            }
            received += n;
            if (received <= limit) {
                body.write(buffer, 0, n);
            } else if (received > drainLimit) {
                answer(PayloadTooLargeException.toApi(limit).withHeader("Connection", "close"));
                return;
            }
            long elapsed = clock.getAsLong() - started;
            if (received < RequestBodies.minimumBytesAfter(elapsed)) {
                answer(tooSlow());
                return;
            }
        }
    }

    @Override
    public void onAllDataRead() {
        if (received > limit) {
            answer(PayloadTooLargeException.toApi(limit));
        } else if (finished.compareAndSet(false, true)) {
            async.getRequest().setAttribute(RequestBodies.BODY_ATTRIBUTE, body.toByteArray());
            async.dispatch();
        }
    }

    @Override
    public void onError(Throwable failure) {
        // the client broke the framing (a bad chunk) or went away: a client still there reads a 400 (it got an
        // empty 200 before); for one that left, the write fails quietly. Either way the request ends.
        if (failure instanceof PayloadTooLargeException tooLarge) {
            answer(PayloadTooLargeException.toApi(tooLarge.limit()).withHeader("Connection", "close"));
        } else {
            answer(new ApiException(400, "invalid_body", "the request body could not be read (broken framing)")
                    .withHeader("Connection", "close"));
        }
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        answer(tooSlow());
    }

    @Override
    public void onError(AsyncEvent event) {
        finished.set(true);
    }

    @Override
    public void onComplete(AsyncEvent event) {
        finished.set(true);
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // the servlet's own async cycle after the dispatch is none of the reader's business
    }

    private static ApiException tooSlow() {
        return new ApiException(408, "request_timeout", "the request body arrived too slowly (at least "
                + RequestBodies.MIN_BYTES_PER_SECOND + " bytes/s after " + RequestBodies.GRACE_MS / 1000
                + " s); send it again").withHeader("Connection", "close");
    }

    /** Answers once and ends the request; the unread rest of a body ends with the connection. */
    private void answer(ApiException error) {
        if (finished.compareAndSet(false, true)) {
            Responses.error(res, error);
            async.complete();
        }
    }
}

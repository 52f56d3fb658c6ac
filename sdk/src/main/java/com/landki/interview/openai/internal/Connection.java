package com.landki.interview.openai.internal;

import com.landki.interview.http.HttpTransport;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The transport of an {@code OpenAiHttp} (shared with the clients derived from it) and its timeout timer.
 * {@link #close()} stops the timer and, when this connection made the transport, the transport's threads too, so
 * a web application that is undeployed leaves no thread behind.
 */
public final class Connection implements AutoCloseable {

    private static final AtomicInteger IDS = new AtomicInteger();

    private final Timer timer;
    private final boolean ownsTransport;
    private volatile HttpTransport transport;

    private Connection(HttpTransport transport, boolean ownsTransport) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.ownsTransport = ownsTransport;
        this.timer = new Timer("openai-timeouts-" + IDS.incrementAndGet());
    }

    /** A connection owning {@code transport}: {@link #close()} closes it. */
    public static Connection owning(HttpTransport transport) {
        return new Connection(transport, true);
    }

    /** A connection over the caller's {@code transport}, which it uses but never closes. */
    public static Connection over(HttpTransport transport) {
        return new Connection(transport, false);
    }

    /** The transport; {@link IllegalStateException} once closed. */
    public HttpTransport transport() {
        HttpTransport current = transport;
        if (current == null) {
            throw new IllegalStateException("this OpenAI client is closed");
        }
        return current;
    }

    public Timer timer() {
        return timer;
    }

    /** Stops the timer and an own transport. Idempotent. */
    @Override
    public void close() {
        HttpTransport current = transport;
        transport = null;
        timer.close();
        if (current != null && ownsTransport) {
            current.close();
        }
    }
}

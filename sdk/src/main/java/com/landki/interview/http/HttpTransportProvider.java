package com.landki.interview.http;

import java.time.Duration;

/**
 * Makes an {@link HttpTransport}; found by {@link HttpTransport#discover} through {@link java.util.ServiceLoader}
 * (list the implementation in {@code META-INF/services/com.landki.interview.http.HttpTransportProvider}). An
 * implementation needs a public no-argument constructor.
 */
public interface HttpTransportProvider {

    /**
     * A short name for logs and for choosing a provider, e.g. {@code jetty}.
     *
     * @return the name, not blank
     */
    String name();

    /**
     * A new transport with its own connection pool and threads, which its {@link HttpTransport#close()} stops.
     *
     * @param connectTimeout the longest wait for a TCP (and TLS) connection; positive
     * @return a new transport
     */
    HttpTransport create(Duration connectTimeout);
}

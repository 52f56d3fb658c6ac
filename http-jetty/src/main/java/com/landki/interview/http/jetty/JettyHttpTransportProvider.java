package com.landki.interview.http.jetty;

import com.landki.interview.http.HttpTransport;
import com.landki.interview.http.HttpTransportProvider;
import java.time.Duration;

/**
 * Lets {@link HttpTransport#discover} find {@link JettyHttpTransport} through {@link java.util.ServiceLoader}:
 * with this module on the class path, the SDK's OpenAI clients run on Jetty's {@code HttpClient}.
 */
public final class JettyHttpTransportProvider implements HttpTransportProvider {

    /** For {@link java.util.ServiceLoader}. */
    public JettyHttpTransportProvider() {
    }

    @Override
    public String name() {
        return JettyHttpTransport.NAME;
    }

    @Override
    public HttpTransport create(Duration connectTimeout) {
        return JettyHttpTransport.create(connectTimeout);
    }
}

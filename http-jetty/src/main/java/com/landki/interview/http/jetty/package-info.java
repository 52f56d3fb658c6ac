/**
 * The SDK's {@link com.landki.interview.http.HttpTransport} on Jetty's non-blocking {@code HttpClient}:
 * {@link com.landki.interview.http.jetty.JettyHttpTransport}. On the class path it is found by
 * {@link com.landki.interview.http.HttpTransport#discover} through
 * {@link com.landki.interview.http.jetty.JettyHttpTransportProvider}.
 */
package com.landki.interview.http.jetty;

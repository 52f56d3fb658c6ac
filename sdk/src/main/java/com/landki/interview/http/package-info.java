/**
 * The outbound HTTP transport the SDK's OpenAI calls run on: {@link com.landki.interview.http.HttpTransport}
 * with its values {@link com.landki.interview.http.TransportRequest} and
 * {@link com.landki.interview.http.TransportResponse}, a {@link com.landki.interview.http.BodyReceiver} for
 * streamed bodies and {@link com.landki.interview.http.HttpTransportProvider} for discovery through
 * {@link java.util.ServiceLoader}. The JDK {@code HttpClient} is the default; {@code interview-http-jetty}
 * provides one on Jetty's client. Retries, timeouts per attempt, typed errors and redaction stay in
 * {@link com.landki.interview.openai.OpenAiHttp}, above the transport.
 */
package com.landki.interview.http;

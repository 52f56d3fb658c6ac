package com.landki.interview.bench.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A loopback stand-in for the ChatKit sessions API that answers {@code POST /v1/chatkit/sessions} after a
 * fixed latency, without holding a thread while it waits (the answer is scheduled, as a real remote API
 * would answer over the network). Everything else answers 404.
 */
final class UpstreamStandIn implements AutoCloseable {

  private final Server server;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "standin-latency");
    t.setDaemon(true);
    return t;
  });
  private final AtomicLong sessions = new AtomicLong();

  private UpstreamStandIn(Duration latency) throws Exception {
    QueuedThreadPool pool = new QueuedThreadPool(64, 8);
    pool.setName("standin");
    server = new Server(pool);
    ServerConnector connector = new ServerConnector(server, 1, 1);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    connector.setAcceptQueueSize(1024);
    server.addConnector(connector);
    long delayMicros = latency.toNanos() / 1_000;
    server.setHandler(new Handler.Abstract.NonBlocking() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!"POST".equals(request.getMethod()) || !path.endsWith("/chatkit/sessions")) {
          response.setStatus(404);
          response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
          response.write(true, utf8("{\"error\":{\"message\":\"not found\",\"type\":\"invalid_request_error\"}}"), callback);
          return true;
        }
        long n = sessions.incrementAndGet();
        Runnable answer = () -> {
          response.setStatus(200);
          response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
          response.getHeaders().put("x-request-id", "req_standin_" + n);
          response.write(true, utf8(sessionJson(n)), callback);
        };
        // Consume the request body first so the connection can be reused, then answer after the latency.
        org.eclipse.jetty.io.Content.Source.consumeAll(request, Callback.from(
            () -> timer.schedule(answer, delayMicros, TimeUnit.MICROSECONDS),
            callback::failed));
        return true;
      }
    });
    server.start();
  }

  static UpstreamStandIn start(Duration latency) throws Exception {
    return new UpstreamStandIn(latency);
  }

  /** Base URL to hand to the server as {@code OPENAI_BASE_URL}. */
  String baseUrl() {
    return "http://127.0.0.1:" + port() + "/v1";
  }

  int port() {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  long sessionsServed() {
    return sessions.get();
  }

  private static String sessionJson(long n) {
    long expiresAt = System.currentTimeMillis() / 1000 + 600;
    return "{\"id\":\"cksess_standin" + n + "\",\"object\":\"chatkit.session\",\"status\":\"active\","
        + "\"client_secret\":\"ek_standin_secret_" + n + "\",\"expires_at\":" + expiresAt + ","
        + "\"max_requests_per_1_minute\":10,\"user\":\"user\","
        + "\"workflow\":{\"id\":\"wf_standin\",\"version\":null,\"state_variables\":null,\"tracing\":{\"enabled\":true}},"
        + "\"rate_limits\":{\"max_requests_per_1_minute\":10},"
        + "\"chatkit_configuration\":{\"automatic_thread_titling\":{\"enabled\":true},"
        + "\"file_upload\":{\"enabled\":false,\"max_file_size\":512,\"max_files\":10},"
        + "\"history\":{\"enabled\":true,\"recent_threads\":null}}}";
  }

  private static ByteBuffer utf8(String s) {
    return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() throws Exception {
    server.stop();
    timer.shutdownNow();
  }
}

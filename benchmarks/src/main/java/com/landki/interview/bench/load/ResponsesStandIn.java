package com.landki.interview.bench.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A loopback stand-in for the streamed Responses API ({@code POST /v1/responses}): answers every request with a
 * scripted stream — {@code response.created} and the message item at once, then {@code deltas} text deltas
 * {@code paceMs} apart, then the item's end and {@code response.completed} — from a scheduler, without a thread
 * per stream. A request whose body contains {@code conv-<n>} is conversation {@code n}: the stand-in notes
 * when it wrote that conversation's first delta ({@link #firstDeltaNanos}), so the harness can tell how much
 * later the client saw it. A body containing {@code big-delta} gets one delta of {@code bigDeltaBytes} instead.
 */
final class ResponsesStandIn implements AutoCloseable {

  private static final Pattern CONVERSATION = Pattern.compile("conv-(\\d+)");

  private final Server server;
  private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(1, r -> {
    Thread t = new Thread(r, "responses-standin-pace");
    t.setDaemon(true);
    return t;
  });
  private final int deltas;
  private final long paceMs;
  private final int bigDeltaBytes;
  private final Map<Integer, Long> firstDelta = new ConcurrentHashMap<>();
  private final AtomicLong streams = new AtomicLong();
  private final AtomicLong deltasWritten = new AtomicLong();

  private ResponsesStandIn(int deltas, long paceMs, int bigDeltaBytes) throws Exception {
    this.deltas = deltas;
    this.paceMs = paceMs;
    this.bigDeltaBytes = bigDeltaBytes;
    QueuedThreadPool pool = new QueuedThreadPool(32, 4);
    pool.setName("responses-standin");
    server = new Server(pool);
    ServerConnector connector = new ServerConnector(server, 1, 1);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    connector.setAcceptQueueSize(4096);
    connector.setIdleTimeout(120_000);
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract.NonBlocking() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        if (!"POST".equals(request.getMethod()) || !Request.getPathInContext(request).endsWith("/responses")) {
          response.setStatus(404);
          response.write(true, utf8("{\"error\":{\"message\":\"not found\"}}"), callback);
          return true;
        }
        Content.Source.asStringAsync(request, StandardCharsets.UTF_8).whenComplete((body, failure) -> {
          if (failure != null) {
            callback.failed(failure);
            return;
          }
          new Script(body, response, callback).begin();
        });
        return true;
      }
    });
    server.start();
  }

  static ResponsesStandIn start(int deltas, long paceMs, int bigDeltaBytes) throws Exception {
    return new ResponsesStandIn(deltas, paceMs, bigDeltaBytes);
  }

  /** Base URL to hand to the server as {@code OPENAI_BASE_URL}. */
  String baseUrl() {
    return "http://127.0.0.1:" + port() + "/v1";
  }

  int port() {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  /** When the first delta of conversation {@code n} was written ({@link System#nanoTime()}), or null. */
  Long firstDeltaNanos(int conversation) {
    return firstDelta.get(conversation);
  }

  void clear() {
    firstDelta.clear();
  }

  long deltasWritten() {
    return deltasWritten.get();
  }

  long streams() {
    return streams.get();
  }

  /** One scripted answer, written step by step on the pace scheduler. */
  private final class Script {
    private final Response response;
    private final Callback done;
    private final int conversation;
    private final boolean big;
    private final String id;
    private int sent;

    Script(String body, Response response, Callback done) {
      this.response = response;
      this.done = done;
      Matcher m = CONVERSATION.matcher(body);
      this.conversation = m.find() ? Integer.parseInt(m.group(1)) : -1;
      this.big = body.contains("big-delta");
      this.id = "resp_" + streams.incrementAndGet();
    }

    void begin() {
      response.setStatus(200);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream");
      response.getHeaders().put("x-request-id", "req_" + id);
      write(event("response.created", "{\"type\":\"response.created\",\"response\":{\"id\":\"" + id + "\"}}")
          + event("response.output_item.added",
              "{\"type\":\"response.output_item.added\",\"item\":{\"type\":\"message\",\"id\":\"m1\"}}"), false,
          this::schedule);
    }

    private void schedule() {
      timer.schedule(this::next, paceMs, TimeUnit.MILLISECONDS);
    }

    private void next() {
      if (sent == 0 && conversation >= 0) {
        firstDelta.put(conversation, System.nanoTime());
      }
      if (big) {
        sent = deltas;
        deltasWritten.incrementAndGet();
        write(delta("x".repeat(bigDeltaBytes)) + end(), true, () -> { });
        return;
      }
      sent++;
      deltasWritten.incrementAndGet();
      if (sent < deltas) {
        write(delta("Wort" + sent + " "), false, this::schedule);
      } else {
        write(delta("Ende.") + end(), true, () -> { });
      }
    }

    private String end() {
      return event("response.output_item.done", "{\"type\":\"response.output_item.done\",\"item\":{\"type\":"
          + "\"message\",\"id\":\"m1\",\"content\":[]}}")
          + event("response.completed", "{\"type\":\"response.completed\",\"response\":{\"id\":\"" + id + "\"}}");
    }

    private void write(String text, boolean last, Runnable then) {
      response.write(last, utf8(text), Callback.from(() -> {
        if (last) {
          done.succeeded();
        } else {
          then.run();
        }
      }, done::failed));
    }
  }

  private static String delta(String text) {
    return event("response.output_text.delta", "{\"type\":\"response.output_text.delta\",\"item_id\":\"m1\","
        + "\"content_index\":0,\"delta\":\"" + text + "\"}");
  }

  private static String event(String name, String json) {
    return "event: " + name + "\ndata: " + json + "\n\n";
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

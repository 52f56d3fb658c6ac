package com.landki.interview.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

/**
 * N concurrent streamed conversations against one endpoint, started evenly over a ramp: each POSTs its body
 * and reads the event stream to its end. Counts streams that completed (the final event seen, then the end of
 * the body) and errors (status, error event, broken stream, no end within the timeout), and for each
 * conversation how long after the stand-in wrote its first delta the client saw it. Meanwhile it samples the
 * serving processes (threads, RSS, descriptors) and the latency of {@code GET health}, one probe at a time.
 */
final class StreamLoad {

  /** What a run measured. */
  record Result(String label, int conversations, int completed, int errors, double seconds, List<Double> addedFirstDeltaMs,
      List<Double> healthMs, long maxThreads, double maxRssMiB, long maxFds, long cpuMillis, long deltas) {

    double added(double quantile) {
      return quantile(addedFirstDeltaMs, quantile);
    }

    double health(double quantile) {
      return quantile(healthMs, quantile);
    }

    double cpuMicrosPerDelta() {
      return deltas == 0 ? 0 : cpuMillis * 1000.0 / deltas;
    }

    String row() {
      return String.format(Locale.ROOT, "| %s | %d | %d | %d | %.1f | %.2f | %.2f | %.1f | %.1f | %d | %.0f | %d | %.1f |",
          label, conversations, completed, errors, seconds, added(0.5), added(0.99), health(0.5), health(0.99),
          maxThreads, maxRssMiB, maxFds, cpuMicrosPerDelta());
    }

    static String header() {
      return "| run | streams | completed | errors | seconds | added first delta p50 ms | p99 ms | /health p50 ms"
          + " | p99 ms | max threads | max RSS MiB | max fds | CPU µs/delta |\n"
          + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
    }
  }

  /** What the run samples on the process under test. */
  interface Probe {
    long threads() throws Exception;

    double rssMiB() throws Exception;

    long fds() throws Exception;

    long cpuMillis() throws Exception;
  }

  /** Why streams of the last run failed, with counts. */
  final java.util.Map<String, Integer> failures = new java.util.concurrent.ConcurrentHashMap<>();
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final HttpClient healthClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /**
   * Runs {@code n} conversations; {@code body} gives conversation {@code i}'s request body (it must contain
   * {@code conv-i}), {@code finalEvent} tells the line that marks a complete answer.
   */
  Result run(String label, URI endpoint, IntFunction<String> body, java.util.function.Predicate<String> finalEvent, int n, Duration ramp,
      Duration timeout, URI health, ResponsesStandIn upstream, Probe probe, long deltasPerStream) throws Exception {
    upstream.clear();
    failures.clear();
    long[] seen = new long[n];
    AtomicBoolean running = new AtomicBoolean(true);
    List<Double> healthMs = Collections.synchronizedList(new ArrayList<>());
    long[] max = new long[2];
    double[] maxRss = new double[1];
    Thread sampler = new Thread(() -> {
      HttpRequest probeRequest = health == null ? null
          : HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build();
      long nextSample = 0;
      while (running.get()) {
        long t0 = System.nanoTime();
        try {
          if (probeRequest != null) {
            healthClient.send(probeRequest, HttpResponse.BodyHandlers.discarding());
            healthMs.add((System.nanoTime() - t0) / 1e6);
          }
          if (t0 >= nextSample) {
            max[0] = Math.max(max[0], probe.threads());
            max[1] = Math.max(max[1], probe.fds());
            maxRss[0] = Math.max(maxRss[0], probe.rssMiB());
            nextSample = t0 + TimeUnit.MILLISECONDS.toNanos(250);
          }
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        } catch (Exception e) {
          healthMs.add(5000.0);
        }
      }
    }, "stream-load-sampler");
    long cpuBefore = probe.cpuMillis();
    long started = System.nanoTime();
    sampler.start();
    List<CompletableFuture<Boolean>> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long due = started + ramp.toNanos() * i / Math.max(1, n);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      int conversation = i;
      HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body.apply(i))).build();
      Lines lines = new Lines(conversation, seen, finalEvent);
      all.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArrayConsumer(lines::chunk))
          .thenApply(r -> {
            String why = r.statusCode() != 200 ? "status " + r.statusCode()
                : lines.complete() ? null : lines.failed ? "error event" : "ended without the final event";
            if (why != null) {
              failures.merge(why, 1, Integer::sum);
            }
            return why == null;
          })
          .completeOnTimeout(false, timeout.toMillis(), TimeUnit.MILLISECONDS)
          .exceptionally(e -> {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            failures.merge(cause.getClass().getSimpleName() + ": " + cause.getMessage(), 1, Integer::sum);
            return false;
          }));
    }
    int completed = 0;
    for (CompletableFuture<Boolean> f : all) {
      if (f.join()) {
        completed++;
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    running.set(false);
    sampler.interrupt();
    sampler.join();
    long cpu = probe.cpuMillis() - cpuBefore;
    List<Double> added = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Long wrote = upstream.firstDeltaNanos(i);
      if (wrote != null && seen[i] != 0) {
        added.add((seen[i] - wrote) / 1e6);
      }
    }
    return new Result(label, n, completed, n - completed, seconds, added, new ArrayList<>(healthMs), max[0],
        maxRss[0], max[1], cpu, deltasPerStream * n);
  }

  /**
   * Reads one stream's lines from its bytes: notes the first delta, success is the final event followed by the
   * end. Only the first {@value #HEAD} bytes of a line are kept (where the event's type is), so a 5 MB delta
   * costs the client one pass.
   */
  private static final class Lines {
    private static final int HEAD = 512;
    private final int conversation;
    private final long[] seen;
    private final java.util.function.Predicate<String> finalEvent;
    private final byte[] head = new byte[HEAD];
    private int length;
    private boolean complete;
    private boolean failed;

    Lines(int conversation, long[] seen, java.util.function.Predicate<String> finalEvent) {
      this.conversation = conversation;
      this.seen = seen;
      this.finalEvent = finalEvent;
    }

    void chunk(java.util.Optional<byte[]> bytes) {
      if (bytes.isEmpty()) {
        return;
      }
      for (byte b : bytes.get()) {
        if (b == '\n') {
          line(new String(head, 0, length, StandardCharsets.UTF_8));
          length = 0;
        } else if (length < HEAD) {
          head[length++] = b;
        }
      }
    }

    private void line(String line) {
      if (seen[conversation] == 0 && (line.contains("text_delta") || line.contains("output_text.delta"))) {
        seen[conversation] = System.nanoTime();
      }
      // an error event fails the stream, unless the caller's final event is that error (an expected refusal)
      if (finalEvent.test(line)) {
        complete = true;
      } else if (line.contains("\"type\":\"error\"")) {
        failed = true;
      }
    }

    boolean complete() {
      return complete && !failed;
    }
  }

  static double quantile(List<Double> values, double q) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(q * sorted.size())));
  }
}

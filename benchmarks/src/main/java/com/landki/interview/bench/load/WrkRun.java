package com.landki.interview.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of Debian's {@code wrk} load generator. The request (method, headers, body) is written into a
 * small Lua script whose {@code done()} hook prints one {@code WRK_JSON} line that we parse.
 */
final class WrkRun {

  /** What one wrk run measured. Latencies in milliseconds. */
  record Result(String label, int connections, long requests, double seconds, double requestsPerSecond,
                double p50Ms, double p90Ms, double p99Ms, double maxMs, long socketErrors,
                long non2xx) {

    long errors() {
      return socketErrors + non2xx;
    }

    long succeeded() {
      return requests - non2xx;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String label;
  private final String url;
  private final String method;
  private final Map<String, String> headers;
  private final String body;

  WrkRun(String label, String url, String method, Map<String, String> headers, String body) {
    this.label = label;
    this.url = url;
    this.method = method;
    this.headers = headers;
    this.body = body;
  }

  Result run(int connections, Duration duration, int threads) throws IOException, InterruptedException {
    Path script = Files.createTempFile("wrk-", ".lua");
    try {
      Files.writeString(script, luaScript(), StandardCharsets.UTF_8);
      List<String> command = new ArrayList<>(List.of("wrk",
          "-t" + Math.min(threads, connections), "-c" + connections,
          "-d" + Math.max(1, duration.toSeconds()) + "s", "--timeout", "10s",
          "-s", script.toString(), url));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("wrk did not finish: " + output);
      }
      return parse(output, connections);
    } finally {
      Files.deleteIfExists(script);
    }
  }

  private Result parse(String output, int connections) throws IOException {
    String line = output.lines().filter(l -> l.startsWith("WRK_JSON ")).findFirst()
        .orElseThrow(() -> new IOException("wrk printed no result (is Debian's wrk installed?):\n" + output));
    JsonNode n = JSON.readTree(line.substring("WRK_JSON ".length()));
    double seconds = n.path("duration_us").asDouble() / 1e6;
    long requests = n.path("requests").asLong();
    long socketErrors = n.path("connect").asLong() + n.path("read").asLong() + n.path("write").asLong()
        + n.path("timeout").asLong();
    return new Result(label, connections, requests, seconds, requests / seconds,
        n.path("p50").asDouble() / 1000, n.path("p90").asDouble() / 1000, n.path("p99").asDouble() / 1000,
        n.path("max").asDouble() / 1000, socketErrors, n.path("status").asLong());
  }

  private String luaScript() {
    StringBuilder lua = new StringBuilder();
    lua.append("wrk.method = ").append(luaString(method)).append('\n');
    if (body != null) {
      lua.append("wrk.body = ").append(luaString(body)).append('\n');
    }
    headers.forEach((k, v) -> lua.append("wrk.headers[").append(luaString(k)).append("] = ")
        .append(luaString(v)).append('\n'));
    lua.append("""
        function done(summary, latency, requests)
          local e = summary.errors
          io.write(string.format(
            'WRK_JSON {"requests":%d,"duration_us":%d,"connect":%d,"read":%d,"write":%d,' ..
            '"status":%d,"timeout":%d,"p50":%d,"p90":%d,"p99":%d,"max":%d}\\n',
            summary.requests, summary.duration, e.connect, e.read, e.write, e.status,
            e.timeout, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
        end
        """);
    return lua.toString();
  }

  private static String luaString(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }
}

package com.landki.interview.bench.load;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The load harness of {@code docs/benchmarks.md} ("Server under load"): starts a loopback stand-in for
 * the ChatKit API, the example server as a child JVM pointed at it, and drives both with Debian's
 * {@code wrk}; prints a Markdown report and stops everything it started.
 *
 * <pre>
 * ./mvnw -B -q -DskipTests package -pl benchmarks,examples/jetty-server -am
 * java -cp benchmarks/target/benchmarks.jar com.landki.interview.bench.load.LoadHarness [options]
 * </pre>
 *
 * Options: {@code --latency-ms 50}, {@code --seconds 10} per run, {@code --warmup-seconds 5},
 * {@code --connections 16,128,512}, {@code --feedback-log-mb 1024} (0 skips the large-log run),
 * {@code --server-jar examples/jetty-server/target/interview-server.jar},
 * {@code --phases sessions,streams}, {@code --streams 2000}, {@code --warmup-streams} (as many as
 * {@code --streams}: the JIT compiles the stream path during a full-size run, and a smaller warm-up measured its
 * compilation as part of the run's CPU), {@code --deltas 100}, {@code --delta-ms 50},
 * {@code --ramp-ms 2000}, {@code --big-delta-mb 5} (0 skips it), {@code --keep true} (keeps the logs of the run), {@code --jvm-args ""} (flags of the JVM started with {@code -jar}; none by default, as the README starts it).
 */
public final class LoadHarness {

  /** None: the server starts as the README says, {@code java -jar interview-server.jar}. */
  static final String DEFAULT_JVM_ARGS = "";
  private static final String ADMIN_TOKEN = "load-harness-admin-token";
  private static final String FEEDBACK_BODY = "{\"session_id\":\"cksess_load\",\"user_question\":"
      + "\"Welche Erfahrungen haben Sie mit verteilten Systemen?\",\"assistant_reply\":\"Dazu finde ich "
      + "in den Unterlagen keine Informationen.\",\"category\":\"out_of_scope\",\"comment\":\"load test\"}";

  private final Options options;
  private final PrintStream out;
  private final List<WrkRun.Result> results = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final List<StreamLoad.Result> streamResults = new ArrayList<>();
  private final List<String> streamNotes = new ArrayList<>();

  private LoadHarness(Options options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    new LoadHarness(Options.parse(args), System.out).run();
  }

  private void run() throws Exception {
    Path work = Files.createTempDirectory("interview-load-");
    out.printf(Locale.ROOT, "# interview-chatkit load harness%n%nmachine: %s%n%n", Machine.describe());
    try {
      if (options.phases.contains("sessions")) {
        try (UpstreamStandIn upstream = UpstreamStandIn.start(Duration.ofMillis(options.latencyMs))) {
          sessionsAndFeedback(upstream, work.resolve("logs-small"));
          if (options.feedbackLogMb > 0) {
            largeFeedbackLog(upstream, work.resolve("logs-large"));
          }
        }
      }
      if (options.phases.contains("streams")) {
        streams(work.resolve("streams"));
      }
    } finally {
      if (options.keep) {
        out.printf(Locale.ROOT, "logs kept in %s%n", work);
      } else {
        deleteTree(work);
      }
    }
    report();
  }

  private void sessionsAndFeedback(UpstreamStandIn upstream, Path logDir) throws Exception {
    Files.createDirectories(logDir);
    try (ServerProcess server = startServer(upstream, logDir, "server-small.log")) {
      notes.add(String.format(Locale.ROOT, "start to first healthy response: %d ms",
          server.startToHealthy().toMillis()));
      notes.add(String.format(Locale.ROOT, "RSS idle after start: %.0f MiB", server.rssMiB()));

      WrkRun direct = new WrkRun("direct (stand-in)", upstream.baseUrl() + "/chatkit/sessions", "POST",
          Map.of("Authorization", "Bearer sk-load", "Content-Type", "application/json",
              "OpenAI-Beta", "chatkit_beta=v1"),
          "{\"workflow\":{\"id\":\"wf_load\"},\"user\":\"load-user\"}");
      WrkRun session = new WrkRun("POST /chatkit/session", server.baseUrl()
          + "/interview/api/chatkit/session", "POST", Map.of(), null);
      Duration warmup = Duration.ofSeconds(options.warmupSeconds);
      direct.run(128, warmup, 2);
      session.run(128, warmup, 2);
      for (int connections : options.connections) {
        results.add(direct.run(connections, Duration.ofSeconds(options.seconds), 2));
        long cpuBefore = server.cpuMillis();
        WrkRun.Result sessions = session.run(connections, Duration.ofSeconds(options.seconds), 2);
        results.add(sessions);
        notes.add(String.format(Locale.ROOT, "server CPU per session request at %d connections: %.0f µs",
            connections, (server.cpuMillis() - cpuBefore) * 1000.0 / Math.max(1, sessions.requests())));
      }
      notes.add(String.format(Locale.ROOT, "RSS after the session runs: %.0f MiB (peak %.0f MiB; launcher and server"
          + " summed, shared pages twice; PSS, each page once: %.0f MiB)", server.rssMiB(), server.peakRssMiB(),
          server.pssMiB()));

      WrkRun feedback = new WrkRun("POST /feedback", server.baseUrl() + "/interview/api/feedback", "POST",
          Map.of("Content-Type", "application/json"), FEEDBACK_BODY);
      long before = countLines(logDir, "feedback");
      long cpuBefore = server.cpuMillis();
      WrkRun.Result fb = feedback.run(64, Duration.ofSeconds(options.seconds), 2);
      results.add(fb);
      notes.add(String.format(Locale.ROOT, "server CPU per feedback request: %.0f µs",
          (server.cpuMillis() - cpuBefore) * 1000.0 / Math.max(1, fb.requests())));
      notes.add(String.format(Locale.ROOT, "RSS after the feedback run: %.0f MiB (peak %.0f MiB)",
          server.rssMiB(), server.peakRssMiB()));
      server.close();
      long stored = countLines(logDir, "feedback") - before;
      // wrk counts completed responses; requests still in flight when it stops may be stored as well.
      notes.add(String.format(Locale.ROOT,
          "feedback: %d answered 2xx, %d records stored after shutdown (%s)", fb.succeeded(), stored,
          stored >= fb.succeeded() && stored - fb.succeeded() <= 64 ? "every 201 stored" : "MISMATCH"));
    }
  }

  /**
   * The stream load: {@code --streams} concurrent conversations, each a scripted Responses answer of
   * {@code --deltas} deltas {@code --delta-ms} apart; first through nginx relaying the stand-in (the floor), then
   * through the example server's own ChatKit server ({@code CHATKIT_BACKEND=server}), same stand-in, same client.
   * Then one answer that is a single {@code --big-delta-mb} delta, for the server's CPU on a long line.
   */
  private void streams(Path dir) throws Exception {
    Files.createDirectories(dir);
    StreamLoad load = new StreamLoad();
    Duration ramp = Duration.ofMillis(options.rampMs);
    Duration timeout = Duration.ofSeconds(120);
    int n = options.streams;
    try (ResponsesStandIn responses = ResponsesStandIn.start(options.deltas, options.deltaMs,
        options.bigDeltaMb * 1024 * 1024)) {
      try (NginxRelay nginx = NginxRelay.start(dir.resolve("nginx"), responses.port())) {
        URI endpoint = URI.create(nginx.baseUrl() + "/v1/responses");
        URI health = URI.create(nginx.baseUrl() + "/health");
        java.util.function.IntFunction<String> body = i -> "{\"model\":\"m\",\"stream\":true,\"input\":\"conv-" + i + "\"}";
        java.util.function.Predicate<String> end = line -> line.contains("response.completed");
        load.run("warm-up", endpoint, body, end, options.warmupStreams, ramp, timeout, health, responses, nginx.probe(),
            options.deltas);
        streamResults.add(load.run("nginx relay (floor)", endpoint, body, end, n, ramp, timeout, health, responses,
            nginx.probe(), options.deltas));
      }
      Map<String, String> env = new HashMap<>();
      env.put("OPENAI_API_KEY", "sk-load-harness");
      env.put("OPENAI_BASE_URL", responses.baseUrl());
      env.put("CHATKIT_BACKEND", "server");
      env.put("INTERVIEW_STORE", "jsonl");
      env.put("INTERVIEW_LOG_DIR", dir.resolve("logs").toString());
      env.put("RATE_LIMIT_CHATKIT_PER_MIN", "0");
      env.put("CHATKIT_MAX_STREAMS", Integer.toString(Math.max(4000, n + 100)));
      try (ServerProcess server = ServerProcess.start(options.serverJar, options.jvmArgs, env,
          dir.resolve("server-streams.log"))) {
        long idleThreads = server.threads();
        URI endpoint = URI.create(server.baseUrl() + "/interview/api/chatkit");
        URI health = URI.create(server.baseUrl() + "/interview/api/health");
        java.util.function.IntFunction<String> body = i -> "{\"type\":\"threads.create\",\"params\":{\"input\":"
            + "{\"content\":[{\"type\":\"input_text\",\"text\":\"conv-" + i + " Was sagen die Interviews?\"}],"
            + "\"attachments\":[],\"inference_options\":{}}}}";
        java.util.function.Predicate<String> end = line -> line.contains("thread.item.done")
            && line.contains("assistant_message");
        load.run("warm-up", endpoint, body, end, options.warmupStreams, ramp, timeout, health, responses, server.probe(),
            options.deltas);
        long warmThreads = server.threads();
        StreamLoad.Result ours = load.run("ChatKit server (java -jar)", endpoint, body, end, n, ramp, timeout, health,
            responses, server.probe(), options.deltas);
        streamResults.add(ours);
        if (!load.failures.isEmpty()) {
          streamNotes.add("failed streams: " + load.failures);
        }
        streamNotes.add(String.format(Locale.ROOT, "server threads: %d idle after start, %d after the warm-up,"
            + " at most %d during the run (target: idle + 100)", idleThreads, warmThreads, ours.maxThreads()));
        if (options.bigDeltaMb > 0) {
          long cpuBefore = server.cpuMillis();
          long t0 = System.nanoTime();
          // past OPENAI_STREAM_MAX_EVENT_BYTES (1 MiB by default) the server refuses the event by design: its
          // answer is then an error event, which ends this stream as expected
          java.util.concurrent.atomic.AtomicBoolean refused = new java.util.concurrent.atomic.AtomicBoolean();
          java.util.function.Predicate<String> endOrRefusal = line -> {
            if (line.contains("\"type\":\"error\"") && line.contains("stream.error")) {
              refused.set(true);
              return true;
            }
            return end.test(line);
          };
          StreamLoad.Result big = load.run("one " + options.bigDeltaMb + " MB delta", endpoint,
              i -> body.apply(i).replace("Was sagen", "big-delta Was sagen"), endOrRefusal, 1, Duration.ZERO, timeout,
              null, responses, server.probe(), 1);
          String outcome = big.completed() != 1 ? "FAILED (neither finished nor refused)"
              : refused.get() ? "refused with an error event (stream.error), as the event cap says" : "completed";
          streamNotes.add(String.format(Locale.ROOT, "one answer that is a single %d MB delta: %s, %.2f s wall,"
              + " %d ms server CPU", options.bigDeltaMb, outcome,
              (System.nanoTime() - t0) / 1e9, server.cpuMillis() - cpuBefore));
        }
        streamNotes.add(String.format(Locale.ROOT, "server RSS after the stream runs: %.0f MiB (peak %.0f MiB)",
            server.rssMiB(), server.peakRssMiB()));
      }
    }
  }

  private void largeFeedbackLog(UpstreamStandIn upstream, Path logDir) throws Exception {
    Files.createDirectories(logDir);
    long started = System.nanoTime();
    long records = FeedbackLogFiller.fill(logDir, options.feedbackLogMb * 1024L * 1024L);
    notes.add(String.format(Locale.ROOT, "large log: %d records, %.0f MiB written in %.1f s", records,
        sizeOf(logDir, "feedback") / 1048576.0, (System.nanoTime() - started) / 1e9));
    try (ServerProcess server = startServer(upstream, logDir, "server-large.log")) {
      notes.add(String.format(Locale.ROOT, "start to first healthy response with the large log: %d ms",
          server.startToHealthy().toMillis()));
      WrkRun list = new WrkRun("GET /feedback/list?limit=50 (large log)", server.baseUrl()
          + "/interview/api/feedback/list?limit=50", "GET",
          Map.of("Authorization", "Bearer " + ADMIN_TOKEN), null);
      list.run(16, Duration.ofSeconds(options.warmupSeconds), 2);
      // 16 connections saturate both cores (p99 is then queueing); 4 show the cost of one request
      results.add(list.run(4, Duration.ofSeconds(options.seconds), 2));
      results.add(list.run(16, Duration.ofSeconds(options.seconds), 2));
      notes.add(String.format(Locale.ROOT, "RSS after the large-log run: %.0f MiB (peak %.0f MiB)",
          server.rssMiB(), server.peakRssMiB()));
    }
  }

  private ServerProcess startServer(UpstreamStandIn upstream, Path logDir, String logName)
      throws IOException, InterruptedException {
    Map<String, String> env = new HashMap<>();
    env.put("OPENAI_API_KEY", "sk-load-harness");
    env.put("OPENAI_WORKFLOW_ID", "wf_load");
    env.put("OPENAI_BASE_URL", upstream.baseUrl());
    env.put("CHATKIT_BACKEND", "hosted");
    env.put("INTERVIEW_STORE", "jsonl");
    env.put("INTERVIEW_LOG_DIR", logDir.toString());
    env.put("ADMIN_TOKEN", ADMIN_TOKEN);
    env.put("RATE_LIMIT_SESSION_PER_MIN", "0");
    env.put("RATE_LIMIT_FEEDBACK_PER_MIN", "0");
    env.put("RATE_LIMIT_CLASSIFY_PER_MIN", "0");
    return ServerProcess.start(options.serverJar, options.jvmArgs, env, logDir.getParent().resolve(logName));
  }

  private void report() {
    if (!streamResults.isEmpty()) {
      out.printf(Locale.ROOT, "streams: %d concurrent conversations started over %d ms, %d deltas %d ms apart each,"
          + " loopback stand-in%n%n", options.streams, options.rampMs, options.deltas, options.deltaMs);
      out.println(StreamLoad.Result.header());
      streamResults.forEach(r -> out.println(r.row()));
      out.println();
      if (streamResults.size() == 2) {
        StreamLoad.Result floor = streamResults.get(0);
        StreamLoad.Result ours = streamResults.get(1);
        out.printf(Locale.ROOT, "- added first-delta latency, ours over the floor: p50 %+.2f ms, p99 %+.2f ms%n",
            ours.added(0.5) - floor.added(0.5), ours.added(0.99) - floor.added(0.99));
        out.printf(Locale.ROOT, "- CPU per delta: ours %.1f µs, nginx %.1f µs (%.1f×)%n", ours.cpuMicrosPerDelta(),
            floor.cpuMicrosPerDelta(), ours.cpuMicrosPerDelta() / Math.max(0.001, floor.cpuMicrosPerDelta()));
      }
      streamNotes.forEach(note -> out.println("- " + note));
      out.println();
    }
    if (results.isEmpty()) {
      return;
    }
    out.printf(Locale.ROOT, "stand-in latency: %d ms, %d s per run, wrk -t2, loopback, server JVM: %s%n%n",
        options.latencyMs, options.seconds, options.jvmArgs.isEmpty() ? "java -jar (no flags, as the README starts it)" : String.join(" ", options.jvmArgs));
    out.println("| run | connections | requests/s | p50 ms | p90 ms | p99 ms | max ms | errors |");
    out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
    for (WrkRun.Result r : results) {
      out.printf(Locale.ROOT, "| %s | %d | %.0f | %.2f | %.2f | %.2f | %.1f | %d |%n", r.label(),
          r.connections(), r.requestsPerSecond(), r.p50Ms(), r.p90Ms(), r.p99Ms(), r.maxMs(), r.errors());
    }
    out.println();
    for (int i = 0; i + 1 < results.size(); i += 2) {
      WrkRun.Result direct = results.get(i);
      WrkRun.Result session = results.get(i + 1);
      if (!direct.label().startsWith("direct")) {
        break;
      }
      out.printf(Locale.ROOT, "- %d connections: session p50 - direct p50 = %+.2f ms; throughput %.1f %% of direct%n",
          direct.connections(), session.p50Ms() - direct.p50Ms(),
          100.0 * session.requestsPerSecond() / direct.requestsPerSecond());
    }
    notes.forEach(note -> out.println("- " + note));
  }

  private static long countLines(Path dir, String prefix) throws IOException {
    long lines = 0;
    for (Path file : filesOf(dir, prefix)) {
      try (Stream<String> s = Files.lines(file)) {
        lines += s.filter(l -> !l.isBlank()).count();
      }
    }
    return lines;
  }

  private static long sizeOf(Path dir, String prefix) throws IOException {
    long bytes = 0;
    for (Path file : filesOf(dir, prefix)) {
      bytes += Files.size(file);
    }
    return bytes;
  }

  private static List<Path> filesOf(Path dir, String prefix) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith(prefix)
          && p.getFileName().toString().contains(".jsonl")).toList();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Command-line options with the defaults of docs/benchmarks.md. */
  record Options(int latencyMs, int seconds, int warmupSeconds, int[] connections, long feedbackLogMb,
                 Path serverJar, List<String> jvmArgs, List<String> phases, int streams, int warmupStreams,
                 int deltas, int deltaMs,
                 int rampMs, int bigDeltaMb, boolean keep) {

    static Options parse(String[] args) {
      Map<String, String> given = new HashMap<>();
      for (int i = 0; i < args.length; i++) {
        if (!args[i].startsWith("--") || i + 1 >= args.length) {
          throw new IllegalArgumentException("usage: --name value ...; got " + args[i]);
        }
        given.put(args[i].substring(2), args[++i]);
      }
      Path jar = Path.of(given.getOrDefault("server-jar", "examples/jetty-server/target/interview-server.jar"));
      if (!Files.isRegularFile(jar)) {
        throw new IllegalArgumentException(jar + " not found: build it with "
            + "./mvnw -B -q -DskipTests package -pl benchmarks,examples/jetty-server -am");
      }
      String jvm = given.getOrDefault("jvm-args", DEFAULT_JVM_ARGS);
      return new Options(
          Integer.parseInt(given.getOrDefault("latency-ms", "50")),
          Integer.parseInt(given.getOrDefault("seconds", "10")),
          Integer.parseInt(given.getOrDefault("warmup-seconds", "5")),
          Stream.of(given.getOrDefault("connections", "16,128,512").split(","))
              .mapToInt(s -> Integer.parseInt(s.trim())).toArray(),
          Long.parseLong(given.getOrDefault("feedback-log-mb", "1024")),
          jar,
          jvm.isBlank() ? List.of() : List.of(jvm.trim().split("\\s+")),
          List.of(given.getOrDefault("phases", "sessions,streams").split(",")),
          Integer.parseInt(given.getOrDefault("streams", "2000")),
          given.containsKey("warmup-streams") ? Integer.parseInt(given.get("warmup-streams"))
              : Integer.parseInt(given.getOrDefault("streams", "2000")),
          Integer.parseInt(given.getOrDefault("deltas", "100")),
          Integer.parseInt(given.getOrDefault("delta-ms", "50")),
          Integer.parseInt(given.getOrDefault("ramp-ms", "2000")),
          Integer.parseInt(given.getOrDefault("big-delta-mb", "5")),
          Boolean.parseBoolean(given.getOrDefault("keep", "false")));
    }
  }
}

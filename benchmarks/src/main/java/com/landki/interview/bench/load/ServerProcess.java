package com.landki.interview.bench.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The example server as a child JVM ({@code java -jar interview-server.jar}), so its start-up time and
 * resident memory are those an operator sees. {@link #close()} sends SIGTERM and waits for the graceful stop.
 */
final class ServerProcess implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Duration startToHealthy;
  private final Path logFile;

  private ServerProcess(Process process, int port, Duration startToHealthy, Path logFile) {
    this.process = process;
    this.port = port;
    this.startToHealthy = startToHealthy;
    this.logFile = logFile;
  }

  /**
   * Starts the jar and polls {@code /interview/api/health} until it answers 200; the measured time runs
   * from just before the process is spawned to that first healthy answer.
   */
  static ServerProcess start(Path jar, List<String> jvmArgs, Map<String, String> env, Path logFile)
      throws IOException, InterruptedException {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(logFile.toFile());
    builder.environment().putAll(env);
    builder.environment().put("PORT", Integer.toString(port));
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/interview/api/health"))
        .timeout(Duration.ofSeconds(2)).build();
    long started = System.nanoTime();
    Process process = builder.start();
    long deadline = started + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("server exited with " + process.exitValue() + ", see " + logFile + ":\n"
            + Files.readString(logFile));
      }
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return new ServerProcess(process, port, Duration.ofNanos(System.nanoTime() - started), logFile);
        }
      } catch (IOException notYetListening) {
        // The connector is not bound yet; poll again shortly.
      }
      Thread.sleep(5);
    }
    process.destroyForcibly();
    throw new IOException("server not healthy within 120 s, see " + logFile);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  Duration startToHealthy() {
    return startToHealthy;
  }

  Path logFile() {
    return logFile;
  }

  /**
   * The processes of the server: the JVM started and what it started (the jar's launcher runs the server in a
   * child JVM when {@code java -jar} has no heap flag), so RSS, CPU and counts cover what the operator runs.
   */
  List<Long> pids() {
    List<Long> pids = new ArrayList<>();
    pids.add(process.pid());
    process.descendants().forEach(p -> pids.add(p.pid()));
    return pids;
  }

  /** The JVM that serves (the launcher's child when there is one), for thread and descriptor counts. */
  long servingPid() {
    List<Long> pids = pids();
    return pids.get(pids.size() - 1);
  }

  /** CPU time (user + system) the server processes have used so far, in milliseconds, from /proc (Linux). */
  long cpuMillis() throws IOException {
    return Procs.cpuMillis(pids());
  }

  /** Threads of the serving JVM, from /proc. */
  long threads() throws IOException {
    return Procs.status(servingPid(), "Threads:");
  }

  /** Open file descriptors of the serving JVM, from /proc. */
  long fds() throws IOException {
    return Procs.fds(List.of(servingPid()));
  }

  /** Current resident set size in MiB of all server processes together, from /proc (Linux). */
  double rssMiB() throws IOException {
    return Procs.status(pids(), "VmRSS:") / 1024.0;
  }

  /** The processes' proportional set size in MiB: their RSS with the pages they share counted once. */
  double pssMiB() throws IOException {
    return Procs.pss(pids()) / 1024.0;
  }

  /** Sum of the processes' peak resident set sizes in MiB since they started. */
  double peakRssMiB() throws IOException {
    return Procs.status(pids(), "VmHWM:") / 1024.0;
  }

  /** What a stream run samples on the server. */
  StreamLoad.Probe probe() {
    return new StreamLoad.Probe() {
      @Override
      public long threads() throws Exception {
        return ServerProcess.this.threads();
      }

      @Override
      public double rssMiB() throws Exception {
        return ServerProcess.this.rssMiB();
      }

      @Override
      public long fds() throws Exception {
        return ServerProcess.this.fds();
      }

      @Override
      public long cpuMillis() throws Exception {
        return ServerProcess.this.cpuMillis();
      }
    };
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy(); // SIGTERM: the server finishes in-flight requests and closes its stores
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}

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
    long ticks = 0;
    for (long pid : pids()) {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // fields after the command name, which is in parentheses and may contain spaces
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
    }
    return ticks * 1000 / CLOCK_TICKS_PER_SECOND;
  }

  /** Threads of the serving JVM, from /proc. */
  long threads() throws IOException {
    return procStatus(servingPid(), "Threads:");
  }

  /** Open file descriptors of the serving JVM, from /proc. */
  long fds() throws IOException {
    try (var s = Files.list(Path.of("/proc", Long.toString(servingPid()), "fd"))) {
      return s.count();
    }
  }

  /** USER_HZ; 100 on every Linux architecture the JDK runs on. */
  private static final long CLOCK_TICKS_PER_SECOND = 100;

  /** Current resident set size in MiB of all server processes together, from /proc (Linux). */
  double rssMiB() throws IOException {
    return procStatusSum("VmRSS:") / 1024.0;
  }

  /** Sum of the processes' peak resident set sizes in MiB since they started. */
  double peakRssMiB() throws IOException {
    return procStatusSum("VmHWM:") / 1024.0;
  }

  private long procStatusSum(String field) throws IOException {
    long sum = 0;
    for (long pid : pids()) {
      sum += procStatus(pid, field);
    }
    return sum;
  }

  private static long procStatus(long pid, String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
      }
    }
    throw new IOException(field + " missing in /proc/" + pid + "/status");
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

package com.landki.interview.bench.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx as a pure relay to a stand-in ({@code proxy_buffering off}, one worker, HTTP/1.1 upstream
 * keep-alive): the floor of one extra HTTP hop for a stream. Runs in the foreground as a child process with its
 * own prefix directory; {@link #close()} stops it.
 */
final class NginxRelay implements AutoCloseable {

  private final Process process;
  private final int port;

  private NginxRelay(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static NginxRelay start(Path dir, int upstreamPort) throws IOException, InterruptedException {
    Path nginx = Path.of("/usr/sbin/nginx");
    if (!Files.isExecutable(nginx)) {
      throw new IOException("nginx is missing: apt-get install -y nginx-light");
    }
    Files.createDirectories(dir.resolve("logs"));
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String conf = """
        worker_processes 1;
        worker_rlimit_nofile 20000;
        error_log %1$s/logs/error.log warn;
        pid %1$s/nginx.pid;
        events { worker_connections 10000; }
        http {
          access_log off;
          client_body_temp_path %1$s/body;
          proxy_temp_path %1$s/proxy;
          upstream standin { server 127.0.0.1:%2$d; keepalive 64; }
          server {
            listen 127.0.0.1:%3$d backlog=4096;
            location /health { return 200 "ok"; }
            location / {
              proxy_pass http://standin;
              proxy_http_version 1.1;
              proxy_set_header Connection "";
              proxy_buffering off;
              proxy_read_timeout 120s;
            }
          }
        }
        """.formatted(dir, upstreamPort, port);
    Path file = dir.resolve("nginx.conf");
    Files.writeString(file, conf);
    Process process = new ProcessBuilder(nginx.toString(), "-p", dir.toString(), "-c", file.toString(),
        "-g", "daemon off;").redirectErrorStream(true).redirectOutput(dir.resolve("logs/out.log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
        return new NginxRelay(process, port);
      } catch (IOException notYet) {
        if (!process.isAlive()) {
          throw new IOException("nginx exited: " + Files.readString(dir.resolve("logs/out.log")));
        }
        Thread.sleep(20);
      }
    }
    process.destroyForcibly();
    throw new IOException("nginx did not listen within 10 s");
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  private List<Long> pids() {
    List<Long> pids = new ArrayList<>();
    pids.add(process.pid());
    process.descendants().forEach(p -> pids.add(p.pid()));
    return pids;
  }

  StreamLoad.Probe probe() {
    return new StreamLoad.Probe() {
      @Override
      public long threads() throws Exception {
        return Procs.status(pids(), "Threads:");
      }

      @Override
      public double rssMiB() throws Exception {
        return Procs.status(pids(), "VmRSS:") / 1024.0;
      }

      @Override
      public long fds() throws Exception {
        return Procs.fds(pids());
      }

      @Override
      public long cpuMillis() throws Exception {
        return Procs.cpuMillis(pids());
      }
    };
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}

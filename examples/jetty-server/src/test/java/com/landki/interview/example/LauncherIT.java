package com.landki.interview.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar started exactly as the README says ({@code java -jar interview-server.jar}): the launcher runs
 * the server in a child JVM with the heap flags of {@code INTERVIEW_JVM_OPTIONS}, and a SIGTERM to the launcher
 * stops both. With a heap flag on the command line the server runs in the launching JVM.
 */
class LauncherIT {

    private static final Path JAR = Path.of("target", "interview-server.jar");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    @TempDir
    Path dir;

    @Test
    void readmeCommandServesFromAChildWithBoundedHeapAndStopsWithTheLauncher() throws Exception {
        int port = freePort();
        Process launcher = start(port, List.of());
        try {
            awaitHealthy(launcher, port);
            List<ProcessHandle> children = launcher.children().toList();
            assertThat(children).hasSize(1);
            assertThat(children.get(0).info().arguments().map(List::of).orElse(List.of()))
                    .contains("-Xmx128m", "-XX:+UseSerialGC");
            ProcessHandle child = children.get(0);

            launcher.destroy(); // SIGTERM, as a service manager stops it

            assertThat(launcher.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
            assertThat(Files.readString(dir.resolve("server.log"))).contains("Stopped oejs.Server")
                    .containsPattern("Interview server on port \\d+ stopped after \\d+ s");
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    @Test
    void aHeapFlagRunsTheServerInTheLaunchingJvm() throws Exception {
        int port = freePort();
        Process server = start(port, List.of("-Xmx200m"));
        try {
            awaitHealthy(server, port);
            assertThat(server.children().count()).isZero();
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private Process start(int port, List<String> jvmFlags) throws IOException {
        assertThat(JAR).as("the shaded jar is built in the package phase").isRegularFile();
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-jar");
        command.add(JAR.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile());
        builder.environment().remove("INTERVIEW_JVM_OPTIONS");
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("INTERVIEW_LOG_DIR", dir.resolve("logs").toString());
        return builder.start();
    }

    private void awaitHealthy(Process process, int port) throws Exception {
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/interview/api/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("server running; log:%n%s", log()).isTrue();
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the connector is not bound yet: ask again
            }
            process.onExit().completeOnTimeout(null, 20, TimeUnit.MILLISECONDS).join();
        }
        throw new AssertionError("not healthy within 60 s; log:\n" + log());
    }

    private String log() throws IOException {
        Path log = dir.resolve("server.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

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

    @Test
    void anUnusableLogDirectoryStopsTheStartWithOneLineAndExitCodeOneThroughTheLauncher() throws Exception {
        Path regularFile = Files.writeString(dir.resolve("not-a-directory"), "x");
        // no heap flag: the launcher's child JVM fails, and the launcher passes its exit code on
        Process launcher = start(freePort(), List.of(), regularFile.resolve("logs"));
        try {
            assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).as("stopped; log:%n%s", log()).isTrue();
            assertThat(launcher.exitValue()).isEqualTo(1);
            assertOneLineFailure(log(), regularFile.resolve("logs").toString());
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    @Test
    void aPortInUseStopsTheStartWithOneLineNamingPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Process server = start(taken.getLocalPort(), List.of("-Xmx200m"), dir.resolve("logs"));
            try {
                assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("stopped; log:%n%s", log()).isTrue();
                assertThat(server.exitValue()).isEqualTo(1);
                String line = assertOneLineFailure(log(), Integer.toString(taken.getLocalPort()));
                assertThat(line).contains("set PORT to a free port");
            } finally {
                server.destroyForcibly();
            }
        }
    }

    /** The failure is one line naming {@code cause}, and no stack trace is printed; returns that line. */
    private static String assertOneLineFailure(String log, String cause) {
        List<String> failures = log.lines().filter(l -> l.contains("interview server did not start: ")).toList();
        assertThat(failures).as("log:%n%s", log).hasSize(1);
        assertThat(failures.get(0)).contains(cause);
        assertThat(log).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception in thread")
                .doesNotContain("Caused by");
        return failures.get(0);
    }

    private Process start(int port, List<String> jvmFlags) throws IOException {
        return start(port, jvmFlags, dir.resolve("logs"));
    }

    private Process start(int port, List<String> jvmFlags, Path logDir) throws IOException {
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
        builder.environment().put("INTERVIEW_LOG_DIR", logDir.toString());
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

package com.landki.interview.example.war;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Tomcat or Jetty distribution (unpacked from Maven Central by the build) run as its own process, the way
 * an operator runs it: a fresh base directory, the WAR dropped into {@code webapps/<context>.war}, configuration
 * from the environment, stopped with SIGTERM.
 */
abstract class Distribution implements AutoCloseable {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    final Path home;
    final Path base;
    final Path log;
    final int port = freePort();
    private Process process;

    Distribution(Path home, Path base) {
        this.home = home;
        this.base = base;
        this.log = base.resolve("console.log");
    }

    static Distribution tomcat(Path home, Path base) {
        return new Tomcat(home, base);
    }

    static Distribution jetty(Path home, Path base) {
        return new Jetty(home, base);
    }

    abstract String name();

    /** Creates the base directory; the distribution's home stays untouched. */
    abstract void prepare() throws IOException;

    abstract List<String> command();

    Path webapps() {
        return base.resolve("webapps");
    }

    /** Drops {@code war} in as {@code <context>.war} and starts the container; returns once the API answers. */
    void start(Path war, String context, Map<String, String> env) throws IOException {
        prepare();
        Files.createDirectories(webapps());
        Files.copy(war, webapps().resolve(context + ".war"), StandardCopyOption.REPLACE_EXISTING);
        List<String> command = new ArrayList<>();
        command.add(JAVA.toString());
        command.addAll(command());
        ProcessBuilder builder = new ProcessBuilder(command).directory(base.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        process = builder.start();
        URI health = uri("/" + context + "/interview/api/health");
        await(name() + " serving " + health).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name() + " exited:\n" + log());
                    }
                    return status(health) == 200;
                });
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    long pid() {
        return process.pid();
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM, as a service manager stops it; the container runs its own orderly shutdown. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    int exitCode() {
        return process.exitValue();
    }

    private static int status(URI uri) {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tomcat 11 started like {@code catalina.sh run} does, with CATALINA_BASE in the test's directory. */
    private static final class Tomcat extends Distribution {
        private final int shutdownPort = freePort();

        Tomcat(Path home, Path base) {
            super(home, base);
        }

        @Override
        String name() {
            return "Tomcat";
        }

        @Override
        void prepare() throws IOException {
            for (String dir : List.of("logs", "temp", "work")) {
                Files.createDirectories(base.resolve(dir));
            }
            Path conf = Files.createDirectories(base.resolve("conf"));
            try (Stream<Path> files = Files.list(home.resolve("conf"))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, conf.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path serverXml = conf.resolve("server.xml");
            String xml = Files.readString(serverXml)
                    .replace("port=\"8080\"", "port=\"" + port + "\"")
                    .replace("port=\"8005\"", "port=\"" + shutdownPort + "\"");
            Files.writeString(serverXml, withJsonErrorValve(xml));
        }

        /**
         * The {@code <Host>} of docs/operations.md ("Under Tomcat"): what the connector refuses while parsing is
         * Tomcat's JSON without message, stack trace or version instead of its HTML report.
         */
        static String withJsonErrorValve(String serverXml) {
            String host = "<Host name=\"localhost\"";
            int at = serverXml.indexOf(host);
            int end = at < 0 ? -1 : serverXml.indexOf('>', at);
            if (end < 0) {
                throw new IllegalStateException("no <Host name=\"localhost\" …> in Tomcat's server.xml");
            }
            return serverXml.substring(0, at) + host
                    + " errorReportValveClass=\"org.apache.catalina.valves.JsonErrorReportValve\""
                    + serverXml.substring(at + host.length(), end + 1)
                    + "\n        <Valve className=\"org.apache.catalina.valves.JsonErrorReportValve\" showReport=\"false\""
                    + " showServerInfo=\"false\" />" + serverXml.substring(end + 1);
        }

        @Override
        List<String> command() {
            return List.of("-Dcatalina.home=" + home, "-Dcatalina.base=" + base,
                    "-Djava.io.tmpdir=" + base.resolve("temp"),
                    "-Djava.util.logging.manager=org.apache.juli.ClassLoaderLogManager",
                    "-Djava.util.logging.config.file=" + base.resolve("conf/logging.properties"),
                    "-cp", home.resolve("bin/bootstrap.jar") + ":" + home.resolve("bin/tomcat-juli.jar"),
                    "org.apache.catalina.startup.Bootstrap", "start");
        }
    }

    /** Jetty 12 from jetty-home with a jetty-base holding http, ee10-deploy and ee10-annotations. */
    private static final class Jetty extends Distribution {
        Jetty(Path home, Path base) {
            super(home, base);
        }

        @Override
        String name() {
            return "Jetty";
        }

        @Override
        void prepare() throws IOException {
            Files.createDirectories(base);
            Process init = new ProcessBuilder(JAVA.toString(), "-jar", home.resolve("start.jar").toString(),
                    "jetty.home=" + home, "jetty.base=" + base,
                    "--add-modules=http,ee10-deploy,ee10-annotations")
                    .directory(base.toFile()).redirectErrorStream(true)
                    .redirectOutput(base.resolve("add-modules.log").toFile()).start();
            try {
                if (!init.waitFor(2, TimeUnit.MINUTES) || init.exitValue() != 0) {
                    throw new IOException("jetty --add-modules failed:\n"
                            + Files.readString(base.resolve("add-modules.log")));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }

        @Override
        List<String> command() {
            return List.of("-jar", home.resolve("start.jar").toString(), "jetty.home=" + home,
                    "jetty.base=" + base, "jetty.http.host=127.0.0.1", "jetty.http.port=" + port,
                    "jetty.deploy.scanInterval=1");
        }
    }
}

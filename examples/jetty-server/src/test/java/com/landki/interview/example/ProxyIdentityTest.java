package com.landki.interview.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.landki.interview.servlet.InterviewApiOptions;
import com.landki.interview.testing.OpenAiAnswers;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, findings 2 and 4, through Debian's real nginx configured with the block of
 * {@code docs/operations.md} ("Security model") in front of the example server: a client's own
 * {@code Forwarded} / {@code X-Forwarded-For} neither raises its session rate limit nor chooses the IP stored
 * with its records, and a Host the server does not serve gets 421 through nginx as well as directly.
 *
 * <p>The client connects from {@code 127.0.0.2}, nginx reaches the server from {@code 127.0.0.1} (the only
 * trusted proxy), so "nginx's view of the client" ({@code 127.0.0.2}) differs from the proxy and from any
 * forged address.
 */
@Timeout(120)
class ProxyIdentityTest {

    private static final Path OPERATIONS = Path.of("..", "..", "docs", "operations.md");
    private static final Path NGINX = Path.of("/usr/sbin/nginx");
    private static final String CLIENT = "127.0.0.2";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private MockWebServer upstream;
    private Server server;
    private Process nginx;
    private int nginxPort;

    @BeforeEach
    void start() throws Exception {
        upstream = new MockWebServer();
        upstream.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return OpenAiAnswers.chatKitSession("cksess_proxy", "ek_proxy_secret").build();
            }
        });
        upstream.start();
        Map<String, String> env = new HashMap<>();
        env.put("INTERVIEW_LOG_DIR", dir.resolve("logs").toString());
        env.put("OPENAI_API_KEY", "sk-proxytest-secret");
        env.put("OPENAI_WORKFLOW_ID", "wf_proxytest");
        env.put("OPENAI_BASE_URL", upstream.url("/v1").toString());
        env.put("TRUSTED_PROXIES", "127.0.0.1");
        env.put("IP_ANONYMIZATION", "false"); // the stored IP is then exactly the resolved one
        server = InterviewServer.createServer(0, InterviewApiOptions.from(env::get));
        server.start();
        startNginx(InterviewServer.port(server));
    }

    @AfterEach
    void stop() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
                nginx.destroyForcibly().waitFor();
            }
        }
        server.stop();
        upstream.close();
    }

    @Test
    void forgedForwardingHeadersNeitherRaiseTheSessionLimitNorChooseTheStoredIp() throws Exception {
        int limit = 10; // RATE_LIMIT_SESSION_PER_MIN's default
        int created = 0;
        int limited = 0;
        long started = System.nanoTime();
        for (int i = 1; i <= 25; i++) {
            String forged = "198.51.100." + i;
            String answer = viaNginx("POST /interview/api/chatkit/session HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Forwarded: for=" + forged + "\r\nX-Forwarded-For: " + forged + "\r\n"
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n");
            if (answer.startsWith("HTTP/1.1 200")) {
                created++;
            } else {
                assertThat(answer).startsWith("HTTP/1.1 429").contains("\"rate_limited\"");
                limited++;
            }
        }
        // the bucket refills one session per 6 s; a slow machine may earn one or two more meanwhile
        long refilled = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) / 6 + 1;
        assertThat(created).isBetween(limit, limit + (int) refilled);
        assertThat(limited).isEqualTo(25 - created);

        List<String> ips = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("logs").resolve("chat.jsonl"))) {
            JsonNode record = JSON.readTree(line);
            if (record.path("type").asText().equals("session.created")) {
                ips.add(record.path("ip").asText());
            }
        }
        assertThat(ips).hasSize(created).containsOnly(CLIENT);
    }

    @Test
    void aHostTheServerDoesNotServeIs421ThroughNginxAndDirectly() throws Exception {
        String viaProxy = viaNginx("GET /interview/api/health HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertThat(viaProxy).startsWith("HTTP/1.1 421").contains("\"host_not_allowed\"");
        String direct = exchange(InterviewServer.port(server), "GET /interview/api/admin/stats HTTP/1.1\r\n"
                + "Host: evil.example:" + InterviewServer.port(server) + "\r\nConnection: close\r\n\r\n");
        assertThat(direct).startsWith("HTTP/1.1 421");
        assertThat(viaNginx("GET /interview/api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 200");
    }

    @Test
    void throughNginxTheLoopbackAdminModeIsClosed() throws Exception {
        String answer = viaNginx("GET /interview/api/admin/stats HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 403").contains("\"admin_loopback_only\"");
    }

    /** The {@code nginx} block of the security model, its {@code proxy_pass} pointed at the test's server. */
    static String documentedLocationBlock(int serverPort) throws IOException {
        String doc = Files.readString(OPERATIONS, StandardCharsets.UTF_8);
        int section = doc.indexOf("\n## Security model");
        assertThat(section).as("docs/operations.md has a 'Security model' section").isPositive();
        Matcher block = Pattern.compile("```nginx\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(block.find(section)).as("the security model has an nginx block").isTrue();
        String location = block.group(1);
        assertThat(location).contains("proxy_pass http://127.0.0.1:3001;");
        return location.replace("proxy_pass http://127.0.0.1:3001;", "proxy_pass http://127.0.0.1:" + serverPort + ";");
    }

    private void startNginx(int serverPort) throws Exception {
        assertThat(Files.isExecutable(NGINX)).as("nginx is missing: apt-get install -y nginx-light (.ci/run does)")
                .isTrue();
        Path prefix = Files.createDirectories(dir.resolve("nginx"));
        Files.createDirectories(prefix.resolve("logs"));
        try (ServerSocket socket = new ServerSocket(0)) {
            nginxPort = socket.getLocalPort();
        }
        String conf = """
                worker_processes 1;
                error_log %1$s/logs/error.log warn;
                pid %1$s/nginx.pid;
                events { worker_connections 256; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/body;
                  proxy_temp_path %1$s/proxy;
                  fastcgi_temp_path %1$s/fastcgi;
                  uwsgi_temp_path %1$s/uwsgi;
                  scgi_temp_path %1$s/scgi;
                  server {
                    listen 127.0.0.1:%2$d;
                %3$s
                  }
                }
                """.formatted(prefix, nginxPort, documentedLocationBlock(serverPort));
        Path file = prefix.resolve("nginx.conf");
        Files.writeString(file, conf);
        nginx = new ProcessBuilder(NGINX.toString(), "-p", prefix.toString(), "-c", file.toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(prefix.resolve("logs/out.log").toFile()).start();
        Path out = prefix.resolve("logs/out.log");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> {
            assertThat(nginx.isAlive()).as("nginx exited: %s", Files.readString(out)).isTrue();
            try (Socket probe = new Socket("127.0.0.1", nginxPort)) {
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    /** One request to nginx from the client address {@code 127.0.0.2}. */
    private String viaNginx(String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(CLIENT), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", nginxPort), 5_000);
            return exchange(socket, request);
        }
    }

    private static String exchange(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return exchange(socket, request);
        }
    }

    private static String exchange(Socket socket, String request) throws IOException {
        socket.setSoTimeout(20_000);
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}

package com.landki.interview.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.landki.interview.servlet.InterviewApiOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What issue 17 found on the example server, spoken as raw HTTP/1.1 the way an attacker would: slow and
 * oversized bodies, TRACE, bad percent-encoding, lenient JSON and the {@code Server} header.
 */
@Timeout(120)
class HardeningTest {

    /** Generous: a healthy server answers in milliseconds; the defect held connections for 130 s. */
    private static final int READ_TIMEOUT_MS = 10_000;

    @TempDir
    Path logDir;

    private Server server;
    private int port;

    @BeforeEach
    void start() throws Exception {
        Map<String, String> env = Map.of("INTERVIEW_STORE", "jsonl", "INTERVIEW_LOG_DIR", logDir.toString());
        server = InterviewServer.createServer(0, InterviewApiOptions.from(env::get));
        server.start();
        port = InterviewServer.port(server);
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void aDeclaredLengthOverTheLimitIsAnswered413AtOnceWithoutReadingTheBody() throws Exception {
        try (Socket socket = connect()) {
            long started = System.nanoTime();
            send(socket, post("/interview/api/feedback", 1_000_000_000_000L) + "{");
            String answer = readAnswer(socket);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer.toLowerCase()).contains("connection: close");
            assertThat(answer).contains("\"payload_too_large\"");
        }
    }

    @Test
    void healthAnswersInUnderASecondWhile250SlowBodiesAreOpen() throws Exception {
        // a declared 10^12 bytes (413 at once), bodies within the 64 KiB limit and bodies within the 1 MiB
        // drained before a 413: each sends one byte and waits
        long[] lengths = {1_000_000_000_000L, 60_000, 1_000_000};
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 250; i++) {
                Socket socket = connect();
                slow.add(socket);
                send(socket, post("/interview/api/feedback", lengths[i % 3]) + "{");
            }
            try (Socket health = connect()) {
                long started = System.nanoTime();
                send(health, "GET /interview/api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
                assertThat(readAnswer(health)).startsWith("HTTP/1.1 200");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
            }
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void aBodyTrickledBelowTheMinimumRateIs408Json() throws Exception {
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try (Socket socket = connect()) {
            long started = System.nanoTime();
            // 60,000 declared bytes may take 5 s + 60,000 / 4096 s ≈ 20 s in all; one byte every 100 ms is far
            // below 4096 bytes/s, so the rate check ends it soon after the 5 s grace
            send(socket, post("/interview/api/feedback", 60_000) + "{");
            trickle.scheduleAtFixedRate(() -> {
                try {
                    send(socket, " ");
                } catch (IOException e) {
                    trickle.shutdown(); // the server closed the connection after its answer
                }
            }, 100, 100, TimeUnit.MILLISECONDS);
            String answer = readAnswer(socket);
            assertThat(answer).startsWith("HTTP/1.1 408").contains("application/json").contains("\"request_timeout\"");
            assertThat(answer.toLowerCase()).contains("connection: close");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        } finally {
            trickle.shutdownNow();
        }
    }

    @Test
    void aBodyThatStopsIsAnswered408AtItsDeadline() throws Exception {
        try (Socket socket = connect()) {
            long started = System.nanoTime();
            send(socket, post("/interview/api/feedback", 100) + "{");
            assertThat(readAnswer(socket)).startsWith("HTTP/1.1 408").contains("\"request_timeout\"");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
        }
    }

    @Test
    void aBodySentInPiecesAtAFairRateIsServed() throws Exception {
        try (Socket socket = connect()) {
            String body = "{\"session_id\":\"s1\"}";
            send(socket, post("/interview/api/feedback", body.length()) + body.substring(0, 10));
            send(socket, body.substring(10));
            assertThat(readAnswer(socket)).startsWith("HTTP/1.1 201");
        }
    }

    @Test
    void traceIsRefusedOnEveryPathAndEchoesNothing() throws Exception {
        for (String path : List.of("/", "/interview/", "/interview/app.js", "/nope", "/interview/api/health")) {
            try (Socket socket = connect()) {
                send(socket, "TRACE " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: uid=secret-cookie\r\n"
                        + "Authorization: Bearer secret-token\r\nConnection: close\r\n\r\n");
                String answer = readAnswer(socket);
                assertThat(answer).as(path).startsWith("HTTP/1.1 405");
                assertThat(answer).as(path).doesNotContain("secret-cookie").doesNotContain("secret-token");
            }
        }
    }

    @Test
    void badPercentEncodingIs400Json() throws Exception {
        try (Socket socket = connect()) {
            send(socket, "GET /interview/api/feedback/list?limit=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\n\r\n");
            String answer = readAnswer(socket);
            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(answer).contains("application/json").contains("\"invalid_query\"").doesNotContain("at org.");
        }
    }

    @Test
    void trailingGarbageAndDuplicateKeysAreRejected() throws Exception {
        for (String body : List.of("{\"session_id\":\"s1\"} trailing", "{\"session_id\":\"s1\",\"session_id\":\"s2\"}")) {
            try (Socket socket = connect()) {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                send(socket, post("/interview/api/feedback", bytes.length) + body);
                String answer = readAnswer(socket);
                assertThat(answer).as(body).startsWith("HTTP/1.1 400").contains("\"invalid_json\"");
            }
        }
    }

    @Test
    void theServerHeaderNamesNoVersion() throws Exception {
        try (Socket socket = connect()) {
            send(socket, "GET /interview/api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            String answer = readAnswer(socket);
            assertThat(answer).startsWith("HTTP/1.1 200");
            assertThat(answer).doesNotContainPattern("(?i)server: .*\\d");
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(READ_TIMEOUT_MS);
        return socket;
    }

    private static String post(String path, long length) {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + length + "\r\n\r\n";
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The answer up to the end of its body (Content-Length) or the connection's close. */
    private static String readAnswer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            all.write(buffer, 0, n);
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            if (end >= 0) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: (\\d+)").matcher(text);
                if (m.find() && all.size() >= end + 4 + Integer.parseInt(m.group(1))) {
                    return text;
                }
            }
        }
        return all.toString(StandardCharsets.UTF_8);
    }
}

package com.landki.interview.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.landki.interview.servlet.InterviewApiOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the container itself refuses under the API path (issue 17, finding 11), sent as exact bytes on a raw
 * socket to the real example server: each answer is the API's JSON error body, never Jetty's HTML page, and no
 * header names the server's version.
 */
@Timeout(60)
class ContainerErrorsTest {

    private static final String HOST = "Host: 127.0.0.1\r\n";
    private static final String LONG = "x".repeat(InterviewServer.REQUEST_HEADER_BYTES + 100);
    private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.1 (\\d{3}) ");
    private static final Pattern CODE = Pattern.compile("\\{\"error\":\\{\"code\":\"([a-z_]+)\",\"message\":\"[^\"]+\"}}");

    @TempDir
    static Path logDir;

    private static Server server;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> env = Map.of("INTERVIEW_STORE", "jsonl", "INTERVIEW_LOG_DIR", logDir.toString());
        server = InterviewServer.createServer(0, InterviewApiOptions.from(env::get));
        server.start();
        port = InterviewServer.port(server);
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    static Stream<Arguments> refusals() {
        String feedback = "POST /interview/api/feedback HTTP/1.1\r\n" + HOST + "Content-Type: application/json\r\n";
        return Stream.of(
                Arguments.of("oversized header", "GET /interview/api/health HTTP/1.1\r\n" + HOST + "X-Big: " + LONG
                        + "\r\n\r\n", 431, "headers_too_large"),
                Arguments.of("oversized URL", "GET /interview/api/health?q=" + LONG + " HTTP/1.1\r\n" + HOST + "\r\n",
                        414, "uri_too_long"),
                Arguments.of("header folding", "GET /interview/api/health HTTP/1.1\r\n" + HOST + "X-A: one\r\n two\r\n\r\n",
                        400, "bad_request"),
                Arguments.of("Content-Length and Transfer-Encoding", feedback + "Content-Length: 5\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400, "bad_request"),
                Arguments.of("two Content-Lengths", feedback + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
                        400, "bad_request"),
                Arguments.of("Content-Length not a number", feedback + "Content-Length: abc\r\n\r\n", 400,
                        "bad_request"),
                Arguments.of("unknown Transfer-Encoding", feedback + "Transfer-Encoding: gzip\r\n\r\n", 400,
                        "bad_request"),
                Arguments.of("broken chunk", feedback + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n", 400,
                        "invalid_body"),
                Arguments.of("no Host", "GET /interview/api/health HTTP/1.1\r\n\r\n", 400, "bad_request"),
                Arguments.of("two Hosts", "GET /interview/api/health HTTP/1.1\r\n" + HOST + "Host: b.example\r\n\r\n",
                        400, "bad_request"),
                Arguments.of("malformed Host", "GET /interview/api/health HTTP/1.1\r\nHost: a b\r\n\r\n", 400,
                        "bad_request"),
                Arguments.of("Host port out of range", "GET /interview/api/health HTTP/1.1\r\nHost: 127.0.0.1:99999\r\n\r\n",
                        400, "bad_request"),
                Arguments.of("absolute URL naming another host", "GET http://evil.example/interview/api/health HTTP/1.1\r\n"
                        + HOST + "\r\n", 400, "bad_request"),
                Arguments.of("bad percent-encoding in the path", "GET /interview/api/%zz HTTP/1.1\r\n" + HOST + "\r\n",
                        400, "bad_request"),
                Arguments.of("encoded NUL in the path", "GET /interview/api/health%00 HTTP/1.1\r\n" + HOST + "\r\n",
                        400, "bad_request"),
                Arguments.of("encoded slash", "GET /interview/api/feedback%2Flist HTTP/1.1\r\n" + HOST + "\r\n", 400,
                        "bad_request"),
                Arguments.of("encoded dot segment", "GET /interview/api/%2e%2e/health HTTP/1.1\r\n" + HOST + "\r\n", 400,
                        "bad_request"),
                Arguments.of("method with an illegal character", "G(T /interview/api/health HTTP/1.1\r\n" + HOST + "\r\n",
                        400, "bad_request"),
                Arguments.of("unknown method", "BREW /interview/api/health HTTP/1.1\r\n" + HOST + "\r\n", 405,
                        "method_not_allowed"),
                Arguments.of("header line without a colon", "GET /interview/api/health HTTP/1.1\r\n" + HOST
                        + "NoColon\r\n\r\n", 400, "bad_request"),
                Arguments.of("space before the colon", "GET /interview/api/health HTTP/1.1\r\n" + HOST + "X-A : b\r\n\r\n",
                        400, "bad_request"),
                Arguments.of("control character in a header", "GET /interview/api/health HTTP/1.1\r\n" + HOST
                        + "X-A: a\u0001b\r\n\r\n", 400, "bad_request"),
                Arguments.of("unknown HTTP version", "GET /interview/api/health HTTP/1.7\r\n" + HOST + "\r\n", 505,
                        "http_version_not_supported"),
                Arguments.of("unknown expectation", feedback + "Content-Length: 2\r\nExpect: 100-sometimes\r\n\r\n",
                        417, "expectation_failed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void isTheApisJsonErrorWithoutAServerVersion(String name, String request, int status, String code) throws Exception {
        String answer = exchange(request);
        assertThat(statusOf(answer)).as(answer).isEqualTo(status);
        assertThat(headers(answer)).containsPattern("(?im)^content-type: application/json")
                .doesNotContainPattern("(?im)^server:.*\\d").doesNotContainPattern("(?im)^x-powered-by:");
        assertThat(codeOf(answer)).as(answer).isEqualTo(code);
        assertThat(body(answer)).doesNotContain("<html").doesNotContain("Jetty").doesNotContain("at org.");
    }

    @Test
    void aDeclaredTeraByteIsAnswered413AtOnceWithConnectionClose() throws Exception {
        long started = System.nanoTime();
        String answer = exchange("POST /interview/api/feedback HTTP/1.1\r\n" + HOST + "Content-Type: application/json\r\n"
                + "Content-Length: 1000000000000\r\n\r\n{");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(statusOf(answer)).isEqualTo(413);
        assertThat(headers(answer)).containsPattern("(?im)^content-type: application/json")
                .containsPattern("(?im)^connection: close").doesNotContainPattern("(?im)^server:.*\\d");
        assertThat(codeOf(answer)).isEqualTo("payload_too_large");
    }

    @Test
    void aPagePathKeepsAPageWithoutVersionOrStackTrace() throws Exception {
        String answer = exchange("GET /interview/ HTTP/1.1\r\n" + HOST + "X-A: one\r\n two\r\n\r\n");
        assertThat(statusOf(answer)).isEqualTo(400);
        assertThat(headers(answer)).containsPattern("(?im)^content-type: text/html")
                .doesNotContainPattern("(?im)^server:.*\\d");
        assertThat(body(answer)).doesNotContain("Jetty").doesNotContain("at org.");
    }

    @Test
    void anOrdinaryAnswerNamesNoServerVersion() throws Exception {
        String answer = exchange("GET /interview/api/health HTTP/1.1\r\n" + HOST + "\r\n");
        assertThat(statusOf(answer)).isEqualTo(200);
        assertThat(headers(answer)).doesNotContainPattern("(?im)^server:.*\\d").doesNotContainPattern("(?im)^x-powered-by:");
    }

    /** Sends exact bytes and reads one answer: up to its {@code Content-Length}, else to the connection's close. */
    private static String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                all.write(buffer, 0, n);
                String text = all.toString(StandardCharsets.ISO_8859_1);
                int end = text.indexOf("\r\n\r\n");
                Matcher length = Pattern.compile("(?im)^content-length: (\\d+)").matcher(text);
                if (end >= 0 && length.find() && all.size() >= end + 4 + Integer.parseInt(length.group(1))) {
                    break;
                }
            }
            return all.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static int statusOf(String answer) {
        Matcher m = STATUS.matcher(answer);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static String headers(String answer) {
        int end = answer.indexOf("\r\n\r\n");
        return end < 0 ? answer : answer.substring(0, end);
    }

    private static String body(String answer) {
        int end = answer.indexOf("\r\n\r\n");
        return end < 0 ? "" : answer.substring(end + 4);
    }

    private static String codeOf(String answer) {
        Matcher m = CODE.matcher(body(answer));
        return m.matches() ? m.group(1) : null;
    }
}

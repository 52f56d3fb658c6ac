package com.landki.interview.servlet.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.landki.interview.chatkit.server.types.AssistantContent;
import com.landki.interview.chatkit.server.types.AssistantMessageItem;
import com.landki.interview.chatkit.server.types.ThreadStreamEvent;
import com.landki.interview.servlet.InterviewApiOptions;
import com.landki.interview.store.StoreConfig;
import com.landki.interview.testing.EmbeddedPostgresServer;
import com.landki.interview.testing.ServletContainer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, finding 3: two instances behind one load balancer, on one PostgreSQL, each with its own log directory.
 * A user's cookie minted by one verifies on the other, so a thread created on one is found on the other. Before,
 * each instance generated its own cookie key in its log directory: the next instance replaced the cookie and
 * the thread was "not found".
 */
class SharedIdentityTest {

    @RegisterExtension
    static final EmbeddedPostgresServer POSTGRES = new EmbeddedPostgresServer();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREATE = "{\"type\":\"threads.create\",\"params\":{\"input\":{\"content\":"
            + "[{\"type\":\"input_text\",\"text\":\"Hallo\"}],\"attachments\":[],\"inference_options\":{}}}}";
    private static final String LIST = "{\"type\":\"threads.list\",\"params\":{}}";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aCookieFromOneInstanceVerifiesOnTheOtherAndItsThreadsAreFound(@TempDir Path dirA, @TempDir Path dirB)
            throws Exception {
        EmbeddedPostgresServer.Database db = POSTGRES.createDatabase("shared");
        try (ServletContainer a = MountedApi.start(ServletContainer.Kind.JETTY, instance(db, dirA));
             ServletContainer b = MountedApi.start(ServletContainer.Kind.TOMCAT, instance(db, dirB))) {
            HttpResponse<String> created = post(a, CREATE, null);
            assertThat(created.statusCode()).isEqualTo(200);
            String threadId = threadId(created.body());
            String setCookie = created.headers().firstValue("Set-Cookie").orElseThrow();
            String cookie = setCookie.substring(0, setCookie.indexOf(';'));

            HttpResponse<String> listedOnB = post(b, LIST, cookie);
            assertThat(listedOnB.statusCode()).isEqualTo(200);
            assertThat(listedOnB.headers().firstValue("Set-Cookie")).as("the cookie is kept, not replaced").isEmpty();
            JsonNode threads = JSON.readTree(listedOnB.body()).path("data");
            assertThat(threads).hasSize(1);
            assertThat(threads.get(0).path("id").asText()).isEqualTo(threadId);

            HttpResponse<String> stranger = post(b, LIST, null);
            assertThat(JSON.readTree(stranger.body()).path("data")).as("another user sees nothing").isEmpty();
        }
        // the key lives in the database, not in either log directory
        assertThat(Files.exists(dirA.resolve("user-id-cookie.secret"))).isFalse();
        assertThat(Files.exists(dirB.resolve("user-id-cookie.secret"))).isFalse();
    }

    @Test
    void theFirstInstanceOnTheDatabaseKeepsTheKeyOfItsExistingSecretFile(@TempDir Path dirA, @TempDir Path dirB)
            throws Exception {
        EmbeddedPostgresServer.Database db = POSTGRES.createDatabase("upgrade");
        String cookie;
        // an instance from before: its key in its log directory (memory store, as a JSONL setup would have it)
        try (ServletContainer before = MountedApi.start(ServletContainer.Kind.JETTY, InterviewApiOptions.builder()
                .storeConfig(StoreConfig.builder().type(StoreConfig.TYPE_MEMORY).build())
                .security(s -> s.userIdCookieSecretFile(dirA.resolve("user-id-cookie.secret")))
                .backend(bo -> bo.responder(SharedIdentityTest::answer)).build())) {
            String setCookie = post(before, LIST, null).headers().firstValue("Set-Cookie").orElseThrow();
            cookie = setCookie.substring(0, setCookie.indexOf(';'));
        }
        assertThat(Files.exists(dirA.resolve("user-id-cookie.secret"))).isTrue();
        try (ServletContainer after = MountedApi.start(ServletContainer.Kind.JETTY, instance(db, dirA));
             ServletContainer other = MountedApi.start(ServletContainer.Kind.JETTY, instance(db, dirB))) {
            assertThat(post(after, LIST, cookie).headers().firstValue("Set-Cookie"))
                    .as("the user keeps the identity the file's key signed").isEmpty();
            assertThat(post(other, LIST, cookie).headers().firstValue("Set-Cookie"))
                    .as("and so does every other instance on the database").isEmpty();
        }
    }

    /** One instance: the PostgreSQL store for logs and threads, its own log directory for the cookie key file. */
    private static InterviewApiOptions instance(EmbeddedPostgresServer.Database db, Path logDir) {
        return InterviewApiOptions.builder()
                .storeConfig(StoreConfig.builder().type("postgres").jdbcUrl(db.jdbcUrl())
                        .jdbcUser(EmbeddedPostgresServer.USER).build())
                .security(s -> s.userIdCookieSecretFile(logDir.resolve("user-id-cookie.secret")))
                .backend(b -> b.responder(SharedIdentityTest::answer))
                .build();
    }

    private static void answer(com.landki.interview.chatkit.server.responder.ResponseTurn turn) {
        turn.emit(new ThreadStreamEvent.ThreadItemDone(new AssistantMessageItem(turn.newItemId("msg"),
                turn.thread().id(), turn.now(), List.of(AssistantContent.of("Antwort", List.of())))));
    }

    private HttpResponse<String> post(ServletContainer container, String body, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(container.base() + "/interview/api/chatkit"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String threadId(String sse) throws Exception {
        for (String line : sse.split("\n")) {
            if (line.startsWith("data:")) {
                JsonNode event = JSON.readTree(line.substring("data:".length()));
                if ("thread.created".equals(event.path("type").asText())) {
                    return event.path("thread").path("id").asText();
                }
            }
        }
        throw new AssertionError("no thread.created in " + sse);
    }
}

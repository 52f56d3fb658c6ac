package com.landki.interview.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.landki.interview.chatkit.ChatKitClient;
import com.landki.interview.chatkit.CreateSessionRequest;
import com.landki.interview.chatkit.server.ChatKitServer;
import com.landki.interview.chatkit.server.responder.ChatKitResponder;
import com.landki.interview.chatkit.server.store.AttachmentStore;
import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.chatkit.server.types.AssistantContent;
import com.landki.interview.chatkit.server.types.AssistantMessageItem;
import com.landki.interview.chatkit.server.types.ThreadStreamEvent;
import com.landki.interview.servlet.UserIdResolver;
import com.landki.interview.store.FeedbackEntry;
import com.landki.interview.store.InterviewStore;
import com.landki.interview.testing.ChatKitRequests;
import com.landki.interview.testing.EmbeddedPostgresServer;
import com.landki.interview.testing.OpenAiAnswers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The starter's promises about the application's own beans and Boot's {@code DataSource}, each in a real Boot web
 * application on embedded Tomcat: a bean replaces the default, and what the starter opened is closed with the
 * context.
 */
class StarterBeansTest {

    @RegisterExtension
    static final EmbeddedPostgresServer POSTGRES = new EmbeddedPostgresServer();

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The header the test's {@link UserIdResolver} bean takes the user id from. */
    private static final String USER_HEADER = "X-Test-User";

    @StartStop
    private final MockWebServer upstream = new MockWebServer();

    @TempDir
    Path logs;

    /** A responder that answers every turn with one fixed assistant message. */
    static ChatKitResponder fixedAnswer(String text) {
        return turn -> turn.emit(new ThreadStreamEvent.ThreadItemDone(new AssistantMessageItem(
                turn.newItemId("msg"), turn.thread().id(), turn.now(), List.of(AssistantContent.of(text, List.of())))));
    }

    static UserIdResolver headerUser() {
        return request -> request.getHeader(USER_HEADER);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class AppWithServerAndUsers {
        @Bean
        ChatKitServer myServer() {
            return ChatKitServer.builder().store(ThreadStore.inMemory()).responder(fixedAnswer("Antwort des eigenen Servers"))
                    .build();
        }

        @Bean
        UserIdResolver myUsers() {
            return headerUser();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class AppWithResponder {
        @Bean
        ChatKitResponder myResponder() {
            return fixedAnswer("Antwort des eigenen Responders");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class AppWithDataSource {
        static DataSource dataSource;

        @Bean
        DataSource dataSource() {
            return dataSource;
        }

        @Bean
        ChatKitResponder myResponder() {
            return fixedAnswer("Antwort aus der Datenbank-App");
        }

        @Bean
        UserIdResolver myUsers() {
            return headerUser();
        }
    }

    @Test
    void postgresStoreUsesTheContextsDataSource() throws Exception {
        EmbeddedPostgresServer.Database db = POSTGRES.createDatabase("boot");
        AppWithDataSource.dataSource = db.dataSource();
        // no interview.jdbc-url: the store must take the DataSource bean of the context, as Boot's own would be
        String attachmentId;
        try (BootApp app = BootApp.start(AppWithDataSource.class, Map.of(
                "interview.store", "postgres",
                // the own server's settings apply on Boot's DataSource too
                "interview.chatkit.thread-titles", "false"))) {
            HttpResponse<String> health = app.get("/interview/api/health", Map.of());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(health.body()).path("store").asText()).isEqualTo("postgres");
            HttpResponse<String> feedback = app.post("/interview/api/feedback", "{\"session_id\":\"cthr_boot\","
                    + "\"user_question\":\"Worum geht es?\",\"category\":\"wrong_answer\"}", Map.of());
            assertThat(feedback.statusCode()).as(feedback.body()).isBetween(200, 299);
            HttpResponse<String> stream = app.post("/interview/api/chatkit", ChatKitRequests.threadsCreate("Hallo"),
                    Map.of(USER_HEADER, "carol"));
            assertThat(stream.body()).contains("thread.created").contains("Antwort aus der Datenbank-App")
                    .as("interview.chatkit.thread-titles=false: no title after the first answer")
                    .doesNotContain("thread.updated");
            HttpResponse<String> created = app.post("/interview/api/chatkit", "{\"type\":\"attachments.create\","
                    + "\"params\":{\"name\":\"cv.txt\",\"size\":5,\"mime_type\":\"text/plain\"}}",
                    Map.of(USER_HEADER, "carol"));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
            attachmentId = JSON.readTree(created.body()).path("id").asText();
        }
        // the attachment's record went to Boot's database as well
        assertThat(AttachmentStore.postgres(db.dataSource()).load("carol", attachmentId)).isPresent();
        // the own server's threads went to the same database
        assertThat(ThreadStore.postgres(db.dataSource()).listThreads("carol", 10, null, ThreadStore.DESC).data())
                .hasSize(1);
        // the acknowledged entry is in Boot's database, read back after the application stopped
        try (InterviewStore store = InterviewStore.postgres(db.dataSource())) {
            List<FeedbackEntry> entries = store.feedback().newest(10);
            assertThat(entries).singleElement().satisfies(entry -> {
                assertThat(entry.sessionId()).isEqualTo("cthr_boot");
                assertThat(entry.category()).isEqualTo("wrong_answer");
            });
        }
    }

    @Test
    void chatKitServerAndUserIdResolverBeansReplaceTheDefaults() throws Exception {
        try (BootApp app = BootApp.start(AppWithServerAndUsers.class, Map.of(
                "interview.log-dir", logs.toString()))) {
            HttpResponse<String> stream = app.post("/interview/api/chatkit", ChatKitRequests.threadsCreate("Hallo"),
                    Map.of(USER_HEADER, "alice"));
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.body()).contains("thread.created").contains("Antwort des eigenen Servers");
            ChatKitServer server = app.context().getBean(ChatKitServer.class);
            assertThat(server.store().listThreads("alice", 10, null, ThreadStore.DESC).data())
                    .as("the bean's store, the thread owned by the resolver's user").hasSize(1);
        }
    }

    @Test
    void aResponderBeanAnswersThroughTheOwnServer() throws Exception {
        try (BootApp app = BootApp.start(AppWithResponder.class, Map.of(
                "interview.log-dir", logs.toString()))) {
            HttpResponse<String> stream = app.post("/interview/api/chatkit", ChatKitRequests.threadsCreate("Hallo"),
                    Map.of());
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.body()).contains("thread.created").contains("Antwort des eigenen Responders");
            assertThat(JSON.readTree(app.get("/interview/api/config", Map.of()).body()).path("backend").asText())
                    .isEqualTo("server");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class AppWithClient {
        static String baseUrl;

        @Bean
        ChatKitClient myClient() {
            return ChatKitClient.builder().apiKey("sk-bean").baseUrl(baseUrl).defaultWorkflowId("wf_bean").build();
        }

        @Bean
        UserIdResolver myUsers() {
            return headerUser();
        }
    }

    @Test
    void aChatKitClientBeanMintsTheSessionsForTheResolvedUser() throws Exception {
        AppWithClient.baseUrl = upstream.url("/v1").toString();
        upstream.enqueue(OpenAiAnswers.chatKitSession("cksess_bean", "ek_bean").build());
        ChatKitClient client;
        // no interview.openai.* at all: the bean is the only way to OpenAI
        try (BootApp app = BootApp.start(AppWithClient.class, Map.of(
                "interview.log-dir", logs.toString()))) {
            client = app.context().getBean(ChatKitClient.class);
            HttpResponse<String> session = app.post("/interview/api/chatkit/session", null, Map.of(USER_HEADER, "bob"));
            assertThat(session.statusCode()).as(session.body()).isEqualTo(200);
            assertThat(JSON.readTree(session.body()).path("client_secret").asText()).isEqualTo("ek_bean");
            RecordedRequest call = upstream.takeRequest();
            assertThat(call.getUrl().encodedPath()).isEqualTo("/v1/chatkit/sessions");
            assertThat(call.getHeaders().get("Authorization")).isEqualTo("Bearer sk-bean");
            JsonNode body = JSON.readTree(call.getBody().utf8());
            assertThat(body.path("user").asText()).as("the resolver's user").isEqualTo("bob");
            assertThat(body.path("workflow").path("id").asText()).isEqualTo("wf_bean");
        }
        // an application bean is Spring's to close: it was closed with the context
        assertThatThrownBy(() -> client.createSession(CreateSessionRequest.of("bob")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void whatTheStarterOpenedIsClosedWithTheContext() throws Exception {
        upstream.enqueue(OpenAiAnswers.chatKitSession("cksess_own", "ek_own").build());
        List<Thread> before = openAiThreads();
        List<Thread> started;
        try (BootApp app = BootApp.start(InterviewAutoConfigurationTest.App.class, Map.of(
                "interview.openai.api-key", "sk-settings",
                "interview.openai.base-url", upstream.url("/v1").toString(),
                "interview.openai.workflow-id", "wf_settings",
                "interview.log-dir", logs.toString()))) {
            assertThat(app.post("/interview/api/chatkit/session", null, Map.of()).statusCode()).isEqualTo(200);
            assertThat(upstream.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer sk-settings");
            started = openAiThreads().stream().filter(t -> !before.contains(t)).toList();
            assertThat(started).as("the ChatKit client of the settings works on its own threads").isNotEmpty();
        }
        assertThat(started).as("its threads after the context closed").noneMatch(Thread::isAlive);
        // and the JSONL store of interview.log-dir gave its directory lock back
        try (InterviewStore again = InterviewStore.open(com.landki.interview.store.StoreConfig.builder()
                .logDir(logs).build())) {
            assertThat(again.type()).isEqualTo("jsonl");
        }
    }

    /** The threads of the OpenAI clients the API opens (named like {@code ApiComponents}' executor's). */
    private static List<Thread> openAiThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("openai-")).toList();
    }

}

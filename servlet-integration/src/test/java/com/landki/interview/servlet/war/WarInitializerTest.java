package com.landki.interview.servlet.war;

import static org.assertj.core.api.Assertions.assertThat;

import com.landki.interview.store.FeedbackEntry;
import com.landki.interview.store.InterviewStore;
import com.landki.interview.store.StoreConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A web application the way a WAR is deployed: Tomcat reads {@code WEB-INF/web.xml}, finds our
 * {@code ServletContainerInitializer} through {@code META-INF/services} and mounts the whole API with no
 * code of the application; settings come from {@code <context-param>}s.
 */
@Timeout(60)
class WarInitializerTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private Tomcat tomcat;

    @AfterEach
    void stop() throws Exception {
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
        }
    }

    @Test
    void initializerMountsEverythingFromWebXmlWithoutCode() throws Exception {
        String base = deploy("""
                <context-param><param-name>ADMIN_TOKEN</param-name><param-value>war-token</param-value></context-param>
                <context-param><param-name>INTERVIEW_STORE</param-name><param-value>memory</param-value></context-param>
                <context-param><param-name>INTERVIEW_LOG_DIR</param-name><param-value>%s</param-value></context-param>
                """.formatted(dir.resolve("logs")));
        assertThat(send("GET", base + "/interview/api/health", null, null).statusCode()).isEqualTo(200);
        HttpResponse<String> posted = send("POST", base + "/interview/api/feedback", "{\"session_id\":\"war\"}", null);
        assertThat(posted.statusCode()).isEqualTo(201);
        assertThat(send("GET", base + "/interview/api/admin/stats", null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> list = send("GET", base + "/interview/api/feedback/list", null, "war-token");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"session_id\":\"war\"");
        HttpResponse<String> session = send("POST", base + "/interview/api/chatkit/session", null, null);
        assertThat(session.statusCode()).isEqualTo(503);
        assertThat(session.body()).contains("not_configured");
        assertThat(Files.exists(dir.resolve("logs").resolve("user-id-cookie.secret"))).isTrue();
    }

    /** System property &gt; context parameter &gt; default, and stopping the application closes the store it opened. */
    @Test
    void aSystemPropertyWinsOverTheContextParameterAndStopClosesTheStore() throws Exception {
        Path logs = dir.resolve("logs");
        System.setProperty("INTERVIEW_GREETING", "from the JVM");
        try {
            String base = deploy("""
                    <context-param><param-name>INTERVIEW_GREETING</param-name><param-value>from web.xml</param-value></context-param>
                    <context-param><param-name>INTERVIEW_COMPOSER_PLACEHOLDER</param-name><param-value>from web.xml</param-value></context-param>
                    <context-param><param-name>INTERVIEW_STORE</param-name><param-value>jsonl</param-value></context-param>
                    <context-param><param-name>INTERVIEW_LOG_DIR</param-name><param-value>%s</param-value></context-param>
                    """.formatted(logs));
            String config = send("GET", base + "/interview/api/config", null, null).body();
            assertThat(config).contains("\"greeting\":\"from the JVM\"")
                    .contains("\"composer_placeholder\":\"from web.xml\"");
            assertThat(send("POST", base + "/interview/api/feedback", "{\"session_id\":\"war\"}", null).statusCode())
                    .isEqualTo(201);
        } finally {
            System.clearProperty("INTERVIEW_GREETING");
        }
        tomcat.stop();
        tomcat.destroy();
        tomcat = null;
        try (InterviewStore again = InterviewStore.open(StoreConfig.builder().type(StoreConfig.TYPE_JSONL)
                .logDir(logs).build())) {
            assertThat(again.feedback().newest(5)).as("the stopped application released the store")
                    .extracting(FeedbackEntry::sessionId).containsExactly("war");
        }
    }

    @Test
    void contextParameterTurnsAutoRegistrationOff() throws Exception {
        String base = deploy("""
                <context-param><param-name>interview.api.autoregister</param-name><param-value>false</param-value></context-param>
                <context-param><param-name>INTERVIEW_STORE</param-name><param-value>memory</param-value></context-param>
                """);
        HttpResponse<String> res = send("GET", base + "/interview/api/health", null, null);
        assertThat(res.statusCode()).isEqualTo(404);
        assertThat(res.body()).doesNotContain("\"status\":\"ok\"");
    }

    @Test
    void webXmlListenerMountsWhenAutoRegistrationIsOff() throws Exception {
        String base = deploy("""
                <context-param><param-name>interview.api.autoregister</param-name><param-value>false</param-value></context-param>
                <context-param><param-name>INTERVIEW_STORE</param-name><param-value>memory</param-value></context-param>
                <context-param><param-name>INTERVIEW_API_MOUNT_PATH</param-name><param-value>/chat/api</param-value></context-param>
                <context-param><param-name>ADMIN_TOKEN</param-name><param-value>war-token</param-value></context-param>
                <context-param><param-name>FEEDBACK_LIST_PUBLIC</param-name><param-value>true</param-value></context-param>
                <context-param><param-name>IP_ANONYMIZATION</param-name><param-value>false</param-value></context-param>
                <listener><listener-class>com.landki.interview.servlet.InterviewApiListener</listener-class></listener>
                """);
        assertThat(send("GET", base + "/chat/api/health", null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", base + "/interview/api/health", null, null).statusCode()).isEqualTo(404);
        assertThat(send("POST", base + "/chat/api/feedback", "{\"session_id\":\"pub\"}", null).statusCode()).isEqualTo(201);
        HttpResponse<String> list = send("GET", base + "/chat/api/feedback/list", null, null);
        assertThat(list.statusCode()).as("FEEDBACK_LIST_PUBLIC=true").isEqualTo(200);
        assertThat(list.body()).contains("\"ip\":\"127.0.0.1\"");
        assertThat(send("GET", base + "/chat/api/admin/stats", null, null).statusCode()).isEqualTo(401);
    }

    private String deploy(String contextParams) throws Exception {
        Path webapp = Files.createDirectories(dir.resolve("webapp").resolve("WEB-INF"));
        Files.writeString(webapp.resolve("web.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0" metadata-complete="false">
                %s
                </web-app>
                """.formatted(contextParams));
        tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createDirectories(dir.resolve("tomcat")).toString());
        tomcat.setPort(0);
        tomcat.getConnector();
        tomcat.setAddDefaultWebXmlToWebapp(false); // no JSP servlet: the test classpath has no Jasper
        tomcat.addWebapp("/app", webapp.getParent().toString());
        tomcat.start();
        return "http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/app";
    }

    private HttpResponse<String> send(String method, String url, String json, String token) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}

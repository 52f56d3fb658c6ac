package com.landki.interview.servlet.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.landki.interview.chatkit.ChatKitClient;
import com.landki.interview.servlet.AssetServlet;
import com.landki.interview.servlet.InterviewApi;
import com.landki.interview.servlet.InterviewApiInitializer;
import com.landki.interview.servlet.InterviewApiOptions;
import com.landki.interview.servlet.UserIdResolver;
import com.landki.interview.config.ChatBackend;
import com.landki.interview.servlet.internal.ApiComponents;
import com.landki.interview.store.FeedbackEntry;
import com.landki.interview.store.InterviewStore;
import com.landki.interview.store.StoreConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code snippets of {@code docs/integration.md} live here, between {@code tag::}/{@code end::} markers:
 * they compile, they run, and the test fails when the document and the code drift apart.
 */
@Timeout(60)
class DocSnippetsTest {

    private static final Path DOC = Path.of("..", "docs", "integration.md");
    private static final Path README = Path.of("..", "README.md");
    private static final Path SOURCE = Path.of("src", "test", "java", "com", "landki", "interview", "servlet", "docs",
            "DocSnippetsTest.java");

    @TempDir
    Path dir;

    /** Stand-ins with Spring's names and shapes, so the Spring Boot snippet compiles without Spring. */
    @interface Bean {
    }

    interface ServletContextInitializer {
        void onStartup(ServletContext servletContext) throws ServletException;
    }

    static Server jetty(int port, InterviewStore store) throws Exception {
        // tag::jetty[]
        InterviewApiOptions options = InterviewApiOptions.builder()
                .store(store)                                  // e.g. InterviewStore.fromEnv()
                .security(s -> s.adminToken(System.getenv("ADMIN_TOKEN"))
                        .allowedOrigins("https://landki.com"))
                .build();
        Server server = new Server(port);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServletContainerInitializer(new InterviewApiInitializer(options));   // /interview/api/*
        context.addServlet(new ServletHolder(new AssetServlet()), "/interview/*");       // page + dashboard
        server.setHandler(context);
        server.start();
        // end::jetty[]
        return server;
    }

    static Tomcat tomcat(int port, InterviewStore store, Path baseDir) throws Exception {
        // tag::tomcat[]
        InterviewApiOptions options = InterviewApiOptions.builder().store(store).build();
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setPort(port);
        tomcat.getConnector();
        Context context = tomcat.addContext("", null);
        Tomcat.addDefaultMimeTypeMappings(context);
        context.addServletContainerInitializer(new InterviewApiInitializer(options), null);
        Tomcat.addServlet(context, "interview-assets", new AssetServlet());
        context.addServletMappingDecoded("/interview/*", "interview-assets");
        tomcat.start();
        // end::tomcat[]
        return tomcat;
    }

    static InterviewApiOptions withOpenAi(InterviewStore store) {
        // tag::openai[]
        ChatKitClient chatKit = ChatKitClient.builder()        // or ChatKitClient.fromEnv()
                .apiKey(System.getenv().getOrDefault("OPENAI_API_KEY", "sk-placeholder"))
                .defaultWorkflowId("wf_6910af26c6708190")
                .build();
        InterviewApiOptions options = InterviewApiOptions.builder()
                .store(store)
                .backend(b -> b
                        .chatKitClient(chatKit)                 // /chatkit/session, /classify by thread_id
                        .sessionCustomizer(session -> session
                                .expiresAfter(Duration.ofMinutes(30))
                                .maxRequestsPerMinute(20)
                                .history(true, 10)))
                .build();
        // end::openai[]
        return options;
    }

    // tag::spring[]
    @Bean
    ServletContextInitializer interviewApi(InterviewStore store) {     // e.g. InterviewStore.fromEnv()
        return servletContext -> InterviewApi.mount(servletContext, InterviewApiOptions.fromEnv().toBuilder()
                .store(store)                                 // your bean instead of opening INTERVIEW_STORE
                .security(s -> s.userIdResolver(UserIdResolver.principal()))   // logged-in users own threads
                .build());
    }
    // end::spring[]

    @Test
    void jettySnippetServesTheApi() throws Exception {
        Server server = jetty(0, InterviewStore.inMemory());
        try {
            assertThat(health(((ServerConnector) server.getConnectors()[0]).getLocalPort())).isEqualTo(200);
        } finally {
            server.stop();
        }
    }

    @Test
    void tomcatSnippetServesTheApi() throws Exception {
        Tomcat tomcat = tomcat(0, InterviewStore.inMemory(), dir);
        try {
            assertThat(health(tomcat.getConnector().getLocalPort())).isEqualTo(200);
        } finally {
            tomcat.stop();
            tomcat.destroy();
        }
    }

    /**
     * The Spring way with a store bean read from the same settings as the options: the options open no
     * second store on that directory (that failed with {@code StoreLockedException} when {@code fromEnv()}
     * opened one), and feedback goes to the bean.
     */
    @Test
    void springSnippetWithAStoreBeanFromTheEnvironment() throws Exception {
        Map<String, String> properties = Map.of("INTERVIEW_STORE", "jsonl", "INTERVIEW_LOG_DIR", dir.toString());
        properties.forEach(System::setProperty);
        Tomcat tomcat = new Tomcat();
        try (InterviewStore bean = InterviewStore.open(StoreConfig.fromEnv())) {
            tomcat.setBaseDir(dir.resolve("tomcat").toString());
            tomcat.setPort(0);
            tomcat.getConnector();
            Context context = tomcat.addContext("", null);
            ServletContextInitializer initializer = interviewApi(bean);
            context.addServletContainerInitializer((classes, servletContext) -> initializer.onStartup(servletContext),
                    null);
            tomcat.start();
            int port = tomcat.getConnector().getLocalPort();
            assertThat(health(port)).isEqualTo(200);
            HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/interview/api/feedback"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"session_id\":\"spring\",\"category\":\"helpful\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(bean.feedback().newest(10)).extracting(FeedbackEntry::sessionId).containsExactly("spring");
        } finally {
            tomcat.stop();
            tomcat.destroy();
            properties.keySet().forEach(System::clearProperty);
        }
    }

    @Test
    void openAiSnippetConfiguresSessionsAndThreads() {
        InterviewApiOptions options = withOpenAi(InterviewStore.inMemory());
        assertThat(options.backend().chatKitClient().defaultWorkflowId()).isEqualTo("wf_6910af26c6708190");
        try (ApiComponents parts = ApiComponents.open(options)) {
            assertThat(parts.status().chatConfigured()).isTrue();
            assertThat(parts.status().backend()).isEqualTo(ChatBackend.HOSTED);
        }
    }

    @Test
    void everySnippetAppearsInTheIntegrationGuide() throws Exception {
        String doc = Files.readString(DOC);
        List<String> snippets = snippets(Files.readString(SOURCE));
        assertThat(snippets).hasSize(4);
        for (String snippet : snippets) {
            assertThat(doc).as("docs/integration.md must contain the snippet:%n%s", snippet).contains(snippet);
        }
    }

    /** The README shows mounting into embedded Jetty in about ten lines, this compiled code. */
    @Test
    void readmeShowsTheJettySnippet() throws Exception {
        Matcher jetty = Pattern.compile("// tag::jetty\\[]\\n(.*?)\\n\\s*// end::jetty\\[]", Pattern.DOTALL)
                .matcher(Files.readString(SOURCE));
        assertThat(jetty.find()).isTrue();
        String snippet = dedent(jetty.group(1));
        assertThat(snippet.lines().count()).as("lines of the README example").isLessThanOrEqualTo(12);
        assertThat(Files.readString(README)).as("README.md must contain the snippet:%n%s", snippet)
                .contains("```java\n" + snippet + "\n```");
    }

    @Test
    void everyClassTheGuideNamesExists() throws Exception {
        Matcher matcher = Pattern.compile("com\\.landki\\.interview\\.[a-z.]+\\.[A-Z][A-Za-z]+")
                .matcher(Files.readString(DOC));
        while (matcher.find()) {
            assertThat(Class.forName(matcher.group())).isNotNull();
        }
    }

    private static List<String> snippets(String source) {
        List<String> out = new ArrayList<>();
        Matcher matcher = Pattern.compile("// tag::(\\w+)\\[]\\n(.*?)\\n\\s*// end::\\1\\[]", Pattern.DOTALL)
                .matcher(source);
        while (matcher.find()) {
            out.add(dedent(matcher.group(2)));
        }
        return out;
    }

    private static String dedent(String block) {
        String[] lines = block.split("\n");
        int indent = Integer.MAX_VALUE;
        for (String line : lines) {
            if (!line.isBlank()) {
                indent = Math.min(indent, line.length() - line.stripLeading().length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return out.toString().stripTrailing();
    }

    private static int health(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/interview/api/health")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}

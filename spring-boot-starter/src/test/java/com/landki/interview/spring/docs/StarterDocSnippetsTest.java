package com.landki.interview.spring.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.landki.interview.servlet.UserIdResolver;
import com.landki.interview.store.InterviewStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Spring Boot part of {@code docs/integration.md}: its Java snippet is the code below (it runs), its
 * Maven and YAML snippets are the example application's {@code pom.xml} and {@code application.yml}.
 */
class StarterDocSnippetsTest {

    private static final Path DOC = Path.of("..", "docs", "integration.md");
    private static final Path SOURCE = Path.of("src", "test", "java", "com", "landki", "interview", "spring", "docs",
            "StarterDocSnippetsTest.java");
    private static final Path EXAMPLE = Path.of("..", "examples", "spring-boot");

    // tag::spring-beans[]
    @Configuration
    static class InterviewBeans {
        @Bean
        UserIdResolver userIdResolver() {              // logged-in users own their threads
            return UserIdResolver.principal();
        }

        @Bean
        InterviewStore interviewStore() {              // replaces the store of interview.store
            return InterviewStore.inMemory();
        }
    }
    // end::spring-beans[]

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
    }

    @Test
    void beanSnippetReplacesTheDefaults() throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class, InterviewBeans.class)
                .properties("server.port=0", "spring.main.banner-mode=off").run()) {
            String port = context.getEnvironment().getProperty("local.server.port");
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/interview/api/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).contains("\"store\":\"memory\"");
        }
    }

    @Test
    void guideShowsTheCodeAndTheExampleFiles() throws Exception {
        String doc = Files.readString(DOC);
        List<String> snippets = new ArrayList<>(tagged(Files.readString(SOURCE), "//"));
        snippets.addAll(tagged(Files.readString(EXAMPLE.resolve("pom.xml")), "<!--").stream()
                .map(StarterDocSnippetsTest::withVersions).toList());
        assertThat(snippets).hasSize(3);
        snippets.add(Files.readString(EXAMPLE.resolve("src/main/resources/application.yml")).strip());
        for (String snippet : snippets) {
            assertThat(doc).as("docs/integration.md must contain:%n%s", snippet).contains(snippet);
        }
    }

    /** The example's version properties as a user writes them: the literal versions. */
    private static String withVersions(String xml) {
        try {
            String root = Files.readString(Path.of("..", "pom.xml"));
            Matcher boot = Pattern.compile("<spring-boot3.version>([^<]+)<").matcher(root);
            assertThat(boot.find()).isTrue();
            return xml.replace("${spring-boot3.version}", boot.group(1))
                    .replace("${project.version}", com.landki.interview.InterviewVersion.get());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The dedented text between {@code tag::x[]} and {@code end::x[]} comment lines. */
    static List<String> tagged(String source, String comment) {
        Matcher m = Pattern.compile("[ \\t]*" + Pattern.quote(comment) + " tag::([a-z-]+)\\[][^\\n]*\\n(.*?)\\n[ \\t]*"
                + Pattern.quote(comment) + " end::\\1\\[][^\\n]*", Pattern.DOTALL).matcher(source);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(dedent(m.group(2)));
        }
        return out;
    }

    private static String dedent(String block) {
        int indent = block.lines().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return String.join("\n", block.lines().map(l -> l.length() >= indent ? l.substring(indent) : l).toList());
    }
}

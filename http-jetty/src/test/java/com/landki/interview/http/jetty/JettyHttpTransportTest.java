package com.landki.interview.http.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import com.landki.interview.http.HttpTransport;
import com.landki.interview.http.TransportRequest;
import com.landki.interview.openai.OpenAiConfig;
import com.landki.interview.openai.OpenAiHttp;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** The transport contract on Jetty's client, and what is Jetty's own: discovery and its threads. */
class JettyHttpTransportTest extends HttpTransportContract {

    @Override
    HttpTransport create() {
        return JettyHttpTransport.create(Duration.ofSeconds(5));
    }

    @Test
    void onTheClassPathItIsTheTransportTheSdkDiscovers() {
        try (HttpTransport discovered = HttpTransport.discover(Duration.ofSeconds(5))) {
            assertThat(discovered).isInstanceOf(JettyHttpTransport.class);
        }
        try (OpenAiHttp http = OpenAiHttp.create(OpenAiConfig.builder().apiKey("sk-t")
                .baseUrl(server.url("/v1").toString()).build())) {
            server.enqueue(new MockResponse.Builder().code(200).body("{\"ok\":true}").build());
            assertThat(http.transport().name()).isEqualTo("jetty");
            assertThat(http.postJson("/ping", Map.of(), Map.of()).path("ok").asBoolean()).isTrue();
        }
    }

    @Test
    void closeStopsEveryThreadItStarted() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        HttpTransport own = JettyHttpTransport.create(Duration.ofSeconds(5));
        server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
        own.send(TransportRequest.builder("GET", server.url("/v1/x").uri()).build()).get(10, TimeUnit.SECONDS);
        Set<Thread> started = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.getName().startsWith("openai-jetty-"))
                .collect(Collectors.toSet());
        assertThat(started).isNotEmpty();

        own.close();

        assertThat(started).noneMatch(Thread::isAlive);
    }
}

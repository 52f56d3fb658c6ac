package com.landki.interview.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An application that stops (a web application undeployed) closes its client and keeps no thread running. */
@Timeout(30)
class OpenAiHttpCloseTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    @Test
    void closeStopsEveryThreadTheClientStartedAndLaterCallsFail() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        OpenAiHttp http = OpenAiHttp.create(OpenAiConfig.builder().apiKey("sk-close-test")
                .baseUrl(server.url("/v1").toString()).build());
        // a derived client (e.g. one counting retries) shares the connection pool and its threads
        OpenAiHttp derived = http.withRetryPolicy(RetryPolicy.none());
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"ok\":true}").build());
        assertThat(derived.postJson("/ping", Map.of(), Map.of()).path("ok").asBoolean()).isTrue();
        Set<Thread> started = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.getName().startsWith("openai-")).collect(Collectors.toSet());
        assertThat(started).extracting(Thread::getName)
                .anyMatch(name -> name.startsWith("openai-http-")).anyMatch(name -> name.startsWith("openai-timeouts-"));

        http.close();

        assertThat(started).noneMatch(Thread::isAlive);
        assertThatThrownBy(() -> derived.postJson("/ping", Map.of(), Map.of())).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        http.close(); // idempotent
    }
}

package com.landki.interview.servlet.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.landki.interview.servlet.InterviewApiOptions;
import com.landki.interview.servlet.internal.ApiComponents;
import com.landki.interview.servlet.internal.ApiRoutes;
import com.landki.interview.servlet.internal.ApiRuntime;
import com.landki.interview.servlet.internal.Json;
import com.landki.interview.store.InterviewStore;
import com.landki.interview.testing.ServletContainer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every route of the table, over real HTTP: a method it does not take answers 405 with {@code Allow} and the JSON
 * error body, {@code OPTIONS} answers 204 with the same {@code Allow}, and {@code HEAD} answers like {@code GET}
 * without a body where the route has a GET.
 */
@Timeout(60)
class RouteTableTest {

    private static final String TOKEN = "route-table-token";
    private static final String MOUNT = "/interview/api";
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @EnumSource(ServletContainer.Kind.class)
    void everyRouteAnswersWrongMethodsOptionsAndHead(ServletContainer.Kind kind) throws Exception {
        InterviewApiOptions options = InterviewApiOptions.builder().security(s -> s.adminToken(TOKEN))
                .store(InterviewStore.inMemory()).build();
        Map<String, Set<String>> table = new TreeMap<>();
        try (ApiComponents parts = ApiComponents.open(options)) {
            for (ApiRoutes.Route route : new ApiRuntime(options, parts, "").routes().all()) {
                table.computeIfAbsent(route.path(), p -> new TreeSet<>()).add(route.method());
            }
        }
        assertThat(table).containsKeys("/health", "/chatkit", "/chatkit/session", "/admin/data", "/metrics");

        try (ServletContainer container = MountedApi.start(kind, options)) {
            for (Map.Entry<String, Set<String>> entry : table.entrySet()) {
                String path = entry.getKey();
                Set<String> allowed = entry.getValue();

                HttpResponse<String> preflight = send(container, "OPTIONS", path);
                assertThat(preflight.statusCode()).as("OPTIONS " + path).isEqualTo(204);
                Set<String> allow = allow(preflight);
                Set<String> expected = new TreeSet<>(allowed);
                expected.add("OPTIONS");
                if (allowed.contains("GET")) {
                    expected.add("HEAD");
                }
                assertThat(allow).as("Allow of " + path).isEqualTo(expected);

                for (String method : METHODS) {
                    if (allowed.contains(method)) {
                        continue;
                    }
                    HttpResponse<String> wrong = send(container, method, path);
                    assertThat(wrong.statusCode()).as(method + " " + path).isEqualTo(405);
                    assertThat(allow(wrong)).as("Allow of " + method + " " + path).isEqualTo(expected);
                    JsonNode error = Json.MAPPER.readTree(wrong.body()).path("error");
                    assertThat(error.path("code").asText()).isEqualTo("method_not_allowed");
                    assertThat(error.path("message").asText()).contains(method).contains(MOUNT + path);
                }

                HttpResponse<String> head = send(container, "HEAD", path);
                if (allowed.contains("GET")) {
                    HttpResponse<String> get = send(container, "GET", path);
                    assertThat(head.statusCode()).as("HEAD " + path).isEqualTo(get.statusCode());
                    assertThat(head.body()).isEmpty();
                    assertThat(head.headers().firstValue("Content-Type"))
                            .isEqualTo(get.headers().firstValue("Content-Type"));
                } else {
                    assertThat(head.statusCode()).as("HEAD " + path).isEqualTo(405);
                    assertThat(allow(head)).isEqualTo(expected);
                }
            }
        }
    }

    private HttpResponse<String> send(ServletContainer container, String method, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(container.base() + MOUNT + path))
                .header("Authorization", "Bearer " + TOKEN)
                .method(method, HttpRequest.BodyPublishers.noBody());
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Set<String> allow(HttpResponse<String> response) {
        String header = response.headers().firstValue("Allow").orElse("");
        return Arrays.stream(header.split(",")).map(String::trim).filter(m -> !m.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}

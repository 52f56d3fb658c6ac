package com.landki.interview.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.landki.interview.servlet.InterviewApiOptions;
import com.landki.interview.store.InterviewStore;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The route table without any container: routes found, refused and run from plain request values. */
class ApiRoutesTest {

    private ApiComponents parts;
    private ApiRoutes routes;

    @BeforeEach
    void table() {
        InterviewApiOptions options = InterviewApiOptions.builder().security(s -> s.adminToken("routes-token"))
                .store(InterviewStore.inMemory()).build();
        parts = ApiComponents.open(options);
        routes = new ApiRuntime(options, parts, "/app").routes();
    }

    @AfterEach
    void close() throws Exception {
        parts.close();
    }

    private static ApiRequest request(String method, String path, String body, Map<String, String> headers)
            throws Exception {
        ClientIpResolver.ClientIp remote = new ClientIpResolver.ClientIp(InetAddress.getByName("198.51.100.7"), false);
        return new ApiRequest(method, path, Map.of(), headers,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), remote, "198.51.100.0", "u_1");
    }

    @Test
    void eachWriteRouteNamesItsRateLimitBucket() {
        assertThat(routes.find("POST", ApiRoutes.SESSION).bucket()).isEqualTo(ApiRuntime.BUCKET_SESSION);
        assertThat(routes.find("POST", "/feedback").bucket()).isEqualTo(ApiRuntime.BUCKET_FEEDBACK);
        assertThat(routes.find("POST", "/classify").bucket()).isEqualTo(ApiRuntime.BUCKET_CLASSIFY);
        assertThat(routes.find("POST", ApiRoutes.CHATKIT).bucket()).isEqualTo(ApiRuntime.BUCKET_CHATKIT);
        assertThat(routes.find("HEAD", "/health").method()).isEqualTo("GET");
        assertThat(routes.find("GET", "/feedback")).isNull();
    }

    @Test
    void unknownPathsAndWrongMethodsAreRefusedWithTheMountedPath() {
        assertThatThrownBy(() -> routes.route("GET", "/nope")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> routes.route("PUT", "/admin/data")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(405);
            assertThat(e.code()).isEqualTo("method_not_allowed");
            assertThat(e.getMessage()).contains("/app/interview/api/admin/data");
            assertThat(e.headers()).containsEntry("Allow", "DELETE, OPTIONS");
        });
        assertThat(routes.options("/metrics").headers()).containsEntry("Allow", "GET, HEAD, OPTIONS");
    }

    @Test
    void handlersRunFromRequestValuesAndAdminRoutesCheckTheToken() throws Exception {
        ApiResponse health = routes.call(routes.route("GET", "/health"), request("GET", "/health", null, Map.of()))
                .join();
        assertThat(health.status()).isEqualTo(200);
        assertThat(Json.MAPPER.valueToTree(health.body()).path("status").asText()).isEqualTo("ok");

        ApiResponse created = routes.call(routes.route("POST", "/feedback"),
                request("POST", "/feedback", "{\"session_id\":\"s_1\",\"category\":\"helpful\"}", Map.of())).join();
        assertThat(created.status()).isEqualTo(201);

        ApiRoutes.Route list = routes.route("GET", "/feedback/list");
        assertThatThrownBy(() -> routes.call(list, request("GET", "/feedback/list", null, Map.of())))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(401));
        ApiResponse listed = routes.call(list, request("GET", "/feedback/list", null,
                Map.of("authorization", "Bearer routes-token"))).join();
        assertThat(Json.MAPPER.valueToTree(listed.body()).path("count").asInt()).isEqualTo(1);
    }
}

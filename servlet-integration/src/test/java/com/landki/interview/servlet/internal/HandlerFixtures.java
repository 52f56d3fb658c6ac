package com.landki.interview.servlet.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;

/** Shared bits for handler tests that run without a container. */
final class HandlerFixtures {

    static final CallContext CALLER = new CallContext("203.0.113.0", "u_test");

    private HandlerFixtures() {
    }

    static ObjectNode body(String json) {
        return Json.parseObject(json.getBytes(StandardCharsets.UTF_8));
    }

    static ApiMetrics metrics() {
        return new ApiMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), "hosted");
    }

    static UserIdCookies cookies() {
        return new UserIdCookies("handler-test-key-0123".getBytes(StandardCharsets.UTF_8));
    }
}

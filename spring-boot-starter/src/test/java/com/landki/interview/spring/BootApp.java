package com.landki.interview.spring;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A test's Boot web application on embedded Tomcat at a free port, and requests to it. */
final class BootApp implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ConfigurableApplicationContext context;
    private final int port;

    private BootApp(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /** Runs {@code app} with {@code properties}, on a free port, Prometheus exposed, without banner. */
    static BootApp start(Class<?> app, Map<String, ?> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("server.port", "0");
        all.put("management.endpoints.web.exposure.include", "prometheus");
        all.put("spring.main.banner-mode", "off");
        return new BootApp(new SpringApplicationBuilder(app).properties(all).run());
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(uri(path));
        headers.forEach(req::header);
        return send(req.build());
    }

    /** A POST with a JSON body, or with none when {@code json} is {@code null}. */
    HttpResponse<String> post(String path, String json, Map<String, String> headers) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(uri(path));
        headers.forEach(req::header);
        if (json == null) {
            req.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            req.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return send(req.build());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        context.close();
    }
}

package com.landki.interview.servlet.internal;

import com.landki.interview.chatkit.server.ChatKitServer;
import com.landki.interview.config.ChatBackend;
import com.landki.interview.servlet.InterviewApiOptions;
import com.landki.interview.servlet.PageOptions;
import com.landki.interview.servlet.RateLimits;
import com.landki.interview.servlet.SecurityOptions;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Everything one mounted API shares between its filter and servlets, built once. Thread-safe. */
public final class ApiRuntime {

    public static final String BUCKET_SESSION = "session";
    public static final String BUCKET_FEEDBACK = "feedback";
    public static final String BUCKET_CLASSIFY = "classify";
    public static final String BUCKET_CHATKIT = "chatkit";

    final InterviewApiOptions options;
    final ApiComponents parts;
    final ClientIpResolver ips;
    final Cors cors;
    final AllowedHosts hosts;
    final AdminAuth admin;
    final UserIds userIds;
    final ApiMetrics metrics;
    final Map<String, TokenBucketLimiter> limiters = new HashMap<>();
    final SessionHandler sessions;
    final ClassifyHandler classify;
    final FeedbackHandler feedback;
    final AdminHandler adminHandler;
    final InfoHandler info;
    final ApiRoutes routes;
    final HttpServerMetrics http;

    public ApiRuntime(InterviewApiOptions options, ApiComponents parts, String contextPath) {
        this.options = options;
        this.parts = parts;
        SecurityOptions security = options.security();
        this.ips = ClientIpResolver.from(security);
        this.cors = new Cors(security.allowedOrigins());
        this.hosts = new AllowedHosts(security.allowedHosts(), security.allowedOrigins());
        this.admin = new AdminAuth(security.adminToken());
        UserIdCookies cookies = new UserIdCookies(parts.cookieSecret);
        this.userIds = new UserIds(security.userIdResolver()::resolve, cookies, security.userIdCookieName(),
                options.mountPath(), ips);
        this.metrics = parts.metrics;
        RateLimits limits = options.rateLimits();
        addLimiter(BUCKET_SESSION, limits.sessionPerMin());
        addLimiter(BUCKET_FEEDBACK, limits.feedbackPerMin());
        addLimiter(BUCKET_CLASSIFY, limits.classifyPerMin());
        addLimiter(BUCKET_CHATKIT, limits.chatKitPerMin());
        ChatEvents events = new ChatEvents(parts.store, cookies);
        this.sessions = new SessionHandler(parts.sessions, parts.setup.sessionsUnavailable(), events,
                metrics, System::nanoTime);
        this.classify = new ClassifyHandler(parts.classifier, parts.threadClassifier,
                parts.setup.threadsUnavailable(parts.threadClassifier != null), events, metrics);
        PageOptions page = options.page();
        this.feedback = new FeedbackHandler(parts.store, page.feedbackCategories(), metrics);
        metrics.feedbackCategories(page.feedbackCategories());
        // the own server's threads are erased with the records that carry their ids
        // (and, with the hosted backend, a user's threads kept by OpenAI)
        this.adminHandler = new AdminHandler(parts.store, parts.threads(), parts.attachments(),
                parts.backend == ChatBackend.HOSTED ? parts.chatKitClient : null,
                parts.backend.id(), options.clock());
        String base = contextPath + options.mountPath();
        ChatKitServer server = parts.backend == ChatBackend.SERVER ? parts.chatKitServer : null;
        boolean acceptsFiles = server != null && server.attachmentStore() != null;
        List<Map<String, String>> prompts = page.prompts().stream()
                .map(p -> Map.of("label", p.label(), "prompt", p.prompt())).toList();
        this.info = new InfoHandler(parts.store, new InfoHandler.PageSettings(page.greeting(), prompts,
                page.composerPlaceholder(), page.domainPublicKey(), page.feedbackCategories(),
                parts.backend.id(), parts.status().chatConfigured(), parts.setup.setupMessage(),
                base + ApiRoutes.SESSION, base + ApiRoutes.CHATKIT, page.chatUi().id(),
                acceptsFiles ? server.attachmentOptions() : null, server == null ? null : server.dictationOptions()));
        this.routes = new ApiRoutes(this, base);
        this.http = new HttpServerMetrics(options.meterRegistry(), routes, System::nanoTime);
    }

    private void addLimiter(String bucket, int perMinute) {
        if (perMinute > 0) {
            limiters.put(bucket, new TokenBucketLimiter(perMinute, TokenBucketLimiter.DEFAULT_MAX_KEYS, System::nanoTime));
        }
    }

    /** The IP that may be stored: anonymized unless {@code IP_ANONYMIZATION=false}. */
    String storedIp(ClientIpResolver.ClientIp client) {
        return IpAddresses.stored(client.address(), options.security().ipAnonymization());
    }

    ClientIpResolver.ClientIp client(HttpServletRequest req) {
        Object known = req.getAttribute(ApiFilter.CLIENT_IP);
        if (known instanceof ClientIpResolver.ClientIp ip) {
            return ip;
        }
        ClientIpResolver.ClientIp ip = ips.resolve(req.getRemoteAddr(),
                ClientIpResolver.headerValues(req.getHeaders("Forwarded")),
                ClientIpResolver.headerValues(req.getHeaders("X-Forwarded-For")));
        req.setAttribute(ApiFilter.CLIENT_IP, ip);
        return ip;
    }

    public InterviewApiOptions options() {
        return options;
    }

    /** The route table of this API. */
    public ApiRoutes routes() {
        return routes;
    }

    public ApiMetrics metrics() {
        return metrics;
    }
}

package com.landki.interview.servlet.internal;

import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.config.ChatBackend;
import com.landki.interview.servlet.InterviewApiOptions;
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
    final ClientIpResolver ips;
    final Cors cors;
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

    /**
     * @param threads the own ChatKit server's thread store ({@code server} backend), whose threads are erased
     *                with the records that carry their ids; {@code null} without that backend
     */
    public ApiRuntime(InterviewApiOptions options, String contextPath, ThreadStore threads) {
        this.options = options;
        this.ips = new ClientIpResolver(options.trustedProxies());
        this.cors = new Cors(options.allowedOrigins());
        this.admin = new AdminAuth(options.adminToken());
        UserIdCookies cookies = new UserIdCookies(options.userIdCookieSecret());
        this.userIds = new UserIds(options.userIdResolver()::resolve, cookies, options.userIdCookieName(),
                options.mountPath(), ips);
        this.metrics = new ApiMetrics(options.meterRegistry());
        addLimiter(BUCKET_SESSION, options.rateLimitSessionPerMin());
        addLimiter(BUCKET_FEEDBACK, options.rateLimitFeedbackPerMin());
        addLimiter(BUCKET_CLASSIFY, options.rateLimitClassifyPerMin());
        addLimiter(BUCKET_CHATKIT, options.rateLimitChatKitPerMin());
        ChatEvents events = new ChatEvents(options.store(), cookies);
        this.sessions = new SessionHandler(options.sessions(), options.sessionsNotConfiguredReason(), events,
                metrics, System::nanoTime);
        this.classify = new ClassifyHandler(options.classifier(), options.threadClassifier(), events, metrics);
        this.feedback = new FeedbackHandler(options.store(), options.feedbackCategories(), metrics);
        // with the hosted backend, erasure also reaches a user's threads kept by OpenAI
        this.adminHandler = new AdminHandler(options.store(), threads,
                options.effectiveChatKitBackend() == ChatBackend.HOSTED ? options.chatKitClient()
                        : null,
                options.clock());
        String base = contextPath + options.mountPath();
        boolean configured = options.chatConfigured();
        List<Map<String, String>> prompts = options.prompts().stream()
                .map(p -> Map.of("label", p.label(), "prompt", p.prompt())).toList();
        this.info = new InfoHandler(options.store(), new InfoHandler.PageSettings(options.greeting(), prompts,
                options.composerPlaceholder(), options.domainPublicKey(), options.feedbackCategories(),
                options.effectiveChatKitBackend().id(), configured, base + ApiRoutes.SESSION, base + ApiRoutes.CHATKIT,
                options.chatUi().id()));
        this.routes = new ApiRoutes(this, base);
    }

    private void addLimiter(String bucket, int perMinute) {
        if (perMinute > 0) {
            limiters.put(bucket, new TokenBucketLimiter(perMinute, TokenBucketLimiter.DEFAULT_MAX_KEYS, System::nanoTime));
        }
    }

    /** The IP that may be stored: anonymized unless {@code IP_ANONYMIZATION=false}. */
    String storedIp(ClientIpResolver.ClientIp client) {
        return options.ipAnonymization() ? IpAddresses.anonymize(client.address()) : IpAddresses.format(client.address());
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

package com.landki.interview.servlet.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The API's Micrometer meters, registered once per mounted API. Thread-safe. */
public final class ApiMetrics {

    static final String UPSTREAM_RETRIES = "interview.upstream.retries";
    static final String UPSTREAM_RETRIES_HELP = "retried calls to the OpenAI API";

    /** The sources an answer's verdict can have ({@code ScopeDecision.Source}, {@code AnswerListener}). */
    static final List<String> SOURCES = List.of("structured", "marker", "none");

    private final MeterRegistry registry;
    private final String backend;
    private final Counter sessionsCreated;
    private final Map<String, Counter> answers = new ConcurrentHashMap<>();
    private final Map<String, Counter> outOfScope = new ConcurrentHashMap<>();
    private final Counter upstreamRetries;
    private final Timer upstreamLatency;

    /** @param backend the chat backend of the API ({@code hosted} or {@code server}), a label of the answer counters */
    public ApiMetrics(MeterRegistry registry, String backend) {
        this.registry = registry;
        this.backend = backend;
        this.sessionsCreated = Counter.builder("interview.sessions.minted")
                .description("ChatKit sessions minted").register(registry);
        for (String source : SOURCES) {
            answerCounter(source);
            if (!"none".equals(source)) {
                outOfScopeCounter(source);
            }
        }
        this.upstreamRetries = Counter.builder(UPSTREAM_RETRIES).description(UPSTREAM_RETRIES_HELP).register(registry);
        this.upstreamLatency = Timer.builder("interview.upstream.latency")
                .description("latency of OpenAI API calls including retries").register(registry);
    }

    public void sessionCreated(Duration latency) {
        sessionsCreated.increment();
        upstreamLatency.record(latency);
    }

    public void sessionFailed(String code, Duration latency) {
        Counter.builder("interview.sessions.failed").description("ChatKit session requests that failed")
                .tag("code", code).register(registry).increment();
        upstreamLatency.record(latency);
    }

    public void upstreamRetry() {
        upstreamRetries.increment();
    }

    public void feedback(String kind, String category) {
        Counter.builder("interview.feedback").description("feedback entries stored")
                .tag("kind", kind).tag("category", category).register(registry).increment();
    }

    /** One finished answer and its verdict: counted in {@code interview_answers_total}, and if out of scope in {@code interview_out_of_scope_total}. */
    public void answered(String source, boolean isOutOfScope) {
        answerCounter(source).increment();
        if (isOutOfScope) {
            outOfScopeCounter(source).increment();
        }
    }

    private Counter answerCounter(String source) {
        return answers.computeIfAbsent(source, s -> Counter.builder("interview.answers")
                .description("finished answers, classified in scope or out of scope")
                .tag("backend", backend).tag("source", s).register(registry));
    }

    private Counter outOfScopeCounter(String source) {
        return outOfScope.computeIfAbsent(source, s -> Counter.builder("interview.out_of_scope")
                .description("answers classified as out of scope")
                .tag("backend", backend).tag("source", s).register(registry));
    }

    public void rateLimited(String endpoint) {
        Counter.builder("interview.rate_limit.rejections").description("requests refused by the rate limit")
                .tag("endpoint", endpoint).register(registry).increment();
    }

    /**
     * The Prometheus text of the registry (or of the Prometheus registry inside a composite one).
     *
     * @throws ApiException 503 when the host's registry is not a Prometheus one: its meters are the host's to export
     */
    public String scrape() {
        String text = MeterRegistries.scrape(registry);
        if (text == null) {
            throw ApiException.notConfigured("/metrics needs a PrometheusMeterRegistry; the API's meters are in the"
                    + " host's " + registry.getClass().getSimpleName());
        }
        return text;
    }

}

package com.landki.interview.servlet.internal;

import com.landki.interview.openai.internal.UpstreamFailure;
import com.landki.interview.store.FeedbackEntry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The API's Micrometer meters, registered once per mounted API (docs/operations.md, "Metrics", names each
 * one). Every series with a fixed label set is registered at start, so it reads 0 before the first event;
 * latencies are histograms with fixed bucket bounds in seconds (Prometheus {@code _bucket} series), so
 * quantiles and SLO ratios can be computed and summed across instances. Thread-safe.
 */
public final class ApiMetrics {

    static final String UPSTREAM_RETRIES = "interview.upstream.retries";
    static final String UPSTREAM_RETRIES_HELP = "retried calls to the OpenAI API";

    /** The sources an answer's verdict can have ({@code ScopeDecision.Source}, {@code AnswerListener}). */
    static final List<String> SOURCES = List.of("structured", "marker", "none");

    /** The {@code api} label of the upstream meters: {@code POST /v1/chatkit/sessions}. */
    public static final String API_CHATKIT = "chatkit";
    /** The {@code api} label of the upstream meters: {@code POST /v1/responses} of the own server's agent. */
    public static final String API_RESPONSES = "responses";
    static final List<String> APIS = List.of(API_CHATKIT, API_RESPONSES);

    /** The error codes of upstream failures ({@link UpstreamFailure.Kind#code()}), the {@code code} label. */
    static final List<String> UPSTREAM_CODES = Arrays.stream(UpstreamFailure.Kind.values())
            .map(UpstreamFailure.Kind::code).distinct().toList();
    /** A session request that failed for a reason of ours (a bug), not the upstream's. */
    static final String INTERNAL_ERROR = "internal_error";

    /** Bucket bounds of a whole OpenAI call (a session mint, a streamed response to its end). */
    static final Duration[] UPSTREAM_BUCKETS = seconds(0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120);
    /** Bucket bounds of the time to the first text of a streamed response. */
    static final Duration[] FIRST_TOKEN_BUCKETS = seconds(0.1, 0.25, 0.5, 1, 1.5, 2, 3, 5, 10, 20, 30);

    private final MeterRegistry registry;
    private final String backend;
    private final Counter sessionsCreated;
    private final Map<String, Counter> answers = new ConcurrentHashMap<>();
    private final Map<String, Counter> outOfScope = new ConcurrentHashMap<>();
    private final Counter upstreamRetries;
    private final Map<String, Timer> upstreamLatency = new ConcurrentHashMap<>();
    private final Timer firstToken;

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
        for (String api : APIS) {
            upstreamLatency.put(api, Timer.builder("interview.upstream.latency")
                    .description("duration of OpenAI API calls including retries, until the end of a stream")
                    .tag("api", api).serviceLevelObjectives(UPSTREAM_BUCKETS).register(registry));
            UPSTREAM_CODES.forEach(code -> upstreamErrorCounter(api, code));
        }
        this.firstToken = Timer.builder("interview.responses.first_token")
                .description("time from the start of a Responses API call to its first output text")
                .serviceLevelObjectives(FIRST_TOKEN_BUCKETS).register(registry);
        Stream.concat(UPSTREAM_CODES.stream(), Stream.of(INTERNAL_ERROR)).forEach(this::sessionsFailedCounter);
        for (String endpoint : List.of(ApiRuntime.BUCKET_SESSION, ApiRuntime.BUCKET_FEEDBACK,
                ApiRuntime.BUCKET_CLASSIFY, ApiRuntime.BUCKET_CHATKIT)) {
            rateLimitCounter(endpoint);
        }
    }

    public void sessionCreated(Duration latency) {
        sessionsCreated.increment();
        upstreamLatency.get(API_CHATKIT).record(latency);
    }

    /** A failed session request; {@code code} is our error code, an upstream one or {@code internal_error}. */
    public void sessionFailed(String code, Duration latency) {
        sessionsFailedCounter(code).increment();
        upstreamLatency.get(API_CHATKIT).record(latency);
        if (UPSTREAM_CODES.contains(code)) {
            upstreamErrorCounter(API_CHATKIT, code).increment();
        }
    }

    /** One Responses API call that ended, with the upstream error code it failed with or {@code null}. */
    public void responsesCall(Duration latency, String errorCode) {
        upstreamLatency.get(API_RESPONSES).record(latency);
        if (errorCode != null) {
            upstreamErrorCounter(API_RESPONSES, errorCode).increment();
        }
    }

    /** The first output text of a Responses API call arrived {@code latency} after the call started. */
    public void firstToken(Duration latency) {
        firstToken.record(latency);
    }

    public void upstreamRetry() {
        upstreamRetries.increment();
    }

    /** Registers the feedback counters at 0: public ones for {@code categories} (and the default), admin ratings 1..5. */
    public void feedbackCategories(List<String> categories) {
        Stream.concat(categories.stream(), Stream.of(FeedbackEntry.DEFAULT_CATEGORY)).distinct()
                .forEach(category -> feedbackCounter(FeedbackEntry.KIND_PUBLIC, category));
        for (int rating = 1; rating <= 5; rating++) {
            feedbackCounter(FeedbackEntry.KIND_ADMIN, "rating_" + rating);
        }
    }

    public void feedback(String kind, String category) {
        feedbackCounter(kind, category).increment();
    }

    /** One finished answer and its verdict: counted in {@code interview_answers_total}, and if out of scope in {@code interview_out_of_scope_total}. */
    public void answered(String source, boolean isOutOfScope) {
        answerCounter(source).increment();
        if (isOutOfScope) {
            outOfScopeCounter(source).increment();
        }
    }

    public void rateLimited(String endpoint) {
        rateLimitCounter(endpoint).increment();
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

    private Counter upstreamErrorCounter(String api, String code) {
        return Counter.builder("interview.upstream.errors").description("failed OpenAI API calls, by error code")
                .tag("api", api).tag("code", code).register(registry);
    }

    private Counter sessionsFailedCounter(String code) {
        return Counter.builder("interview.sessions.failed").description("ChatKit session requests that failed")
                .tag("code", code).register(registry);
    }

    private Counter feedbackCounter(String kind, String category) {
        return Counter.builder("interview.feedback").description("feedback entries stored")
                .tag("kind", kind).tag("category", category).register(registry);
    }

    private Counter rateLimitCounter(String endpoint) {
        return Counter.builder("interview.rate_limit.rejections").description("requests refused by the rate limit")
                .tag("endpoint", endpoint).register(registry);
    }

    /** The registry's text in the format {@code accept} asks for (OpenMetrics or Prometheus text 0.0.4). */
    public MeterRegistries.Scrape scrape(String accept) {
        MeterRegistries.Scrape scrape = MeterRegistries.scrape(registry, MeterRegistries.wantsOpenMetrics(accept));
        if (scrape == null) {
            throw ApiException.notConfigured("/metrics needs a PrometheusMeterRegistry; the API's meters are in the"
                    + " host's " + registry.getClass().getSimpleName());
        }
        return scrape;
    }

    static Duration[] seconds(double... bounds) {
        return Arrays.stream(bounds).mapToObj(s -> Duration.ofNanos(Math.round(s * 1e9))).toArray(Duration[]::new);
    }
}

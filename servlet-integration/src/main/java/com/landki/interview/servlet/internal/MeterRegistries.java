package com.landki.interview.servlet.internal;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The API's meters without forcing Prometheus: {@code micrometer-registry-prometheus} is an optional dependency,
 * touched only when it is on the class path. Remembers which registries it made itself: only those get the
 * JVM and process meters ({@link JvmMetrics}); a host's registry is the host's to fill (Spring Boot does).
 * Thread-safe.
 */
public final class MeterRegistries {

    private static final boolean PROMETHEUS = present("io.micrometer.prometheusmetrics.PrometheusMeterRegistry");
    /** Prometheus text 0.0.4, the answer unless OpenMetrics is asked for. */
    static final String TEXT_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** OpenMetrics 1.0.0 text, for an {@code Accept} that prefers {@code application/openmetrics-text}. */
    static final String OPENMETRICS_CONTENT_TYPE = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    /** Registries made by {@link #newDefault()} whose JVM meters nobody has bound yet (identity, weakly held). */
    private static final Set<MeterRegistry> UNBOUND = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));

    /** A scraped text and its content type. */
    public record Scrape(String contentType, String text) {
    }

    private MeterRegistries() {
    }

    /** A new Prometheus registry when Prometheus is on the class path, else a simple in-memory one. */
    public static MeterRegistry newDefault() {
        MeterRegistry registry = PROMETHEUS ? Prometheus.newRegistry() : new SimpleMeterRegistry();
        registry.config().meterFilter(PROMETHEUS_NAMES);
        UNBOUND.add(registry);
        return registry;
    }

    /**
     * Two of Micrometer's process meters break Prometheus naming ({@code promtool check metrics} complains):
     * {@code process.cpu.time} counts nanoseconds ({@code process_cpu_time_ns_total}), so it is dropped for
     * {@link JvmMetrics}' {@code process_cpu_seconds_total}; the gauge {@code system.cpu.count} would end in
     * {@code _count}, so it is {@code system_cpus}.
     */
    static final MeterFilter PROMETHEUS_NAMES = new MeterFilter() {
        @Override
        public MeterFilterReply accept(Meter.Id id) {
            return "process.cpu.time".equals(id.getName()) ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
        }

        @Override
        public Meter.Id map(Meter.Id id) {
            return "system.cpu.count".equals(id.getName()) ? id.withName("system.cpus") : id;
        }
    };

    /**
     * True once for a registry {@link #newDefault()} made, until {@link #release}: the caller binds the JVM
     * meters to it. False for a host's registry.
     */
    static boolean claimJvmMeters(MeterRegistry registry) {
        return UNBOUND.remove(registry);
    }

    /** Gives a claimed registry back (its API stopped), so an API mounted again with it binds them again. */
    static void release(MeterRegistry registry) {
        UNBOUND.add(registry);
    }

    /**
     * The Prometheus text of {@code registry} (or of the Prometheus registry inside a composite one), or
     * {@code null} when it has none.
     */
    static Scrape scrape(MeterRegistry registry, boolean openMetrics) {
        if (PROMETHEUS && Prometheus.is(registry)) {
            String type = openMetrics ? OPENMETRICS_CONTENT_TYPE : TEXT_CONTENT_TYPE;
            return new Scrape(type, Prometheus.scrape(registry, type));
        }
        if (registry instanceof CompositeMeterRegistry composite) {
            for (MeterRegistry inner : composite.getRegistries()) {
                Scrape scrape = scrape(inner, openMetrics);
                if (scrape != null) {
                    return scrape;
                }
            }
        }
        return null;
    }

    /**
     * Whether an {@code Accept} header prefers OpenMetrics: some {@code application/openmetrics-text} range with
     * a {@code q} above 0 and at least that of every {@code text/plain} range (Prometheus itself sends
     * OpenMetrics at q=0.5 before text at q=0.3). Absent or anything else: Prometheus text.
     */
    static boolean wantsOpenMetrics(String accept) {
        if (accept == null) {
            return false;
        }
        double openMetrics = 0;
        double text = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            double q = quality(parts);
            if ("application/openmetrics-text".equals(type)) {
                openMetrics = Math.max(openMetrics, q);
            } else if ("text/plain".equals(type)) {
                text = Math.max(text, q);
            }
        }
        return openMetrics > 0 && openMetrics >= text;
    }

    private static double quality(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].trim();
            if (parameter.regionMatches(true, 0, "q=", 0, 2)) {
                try {
                    return Math.min(1, Math.max(0, Double.parseDouble(parameter.substring(2).trim())));
                } catch (NumberFormatException e) {
                    return 0; // a malformed weight counts as "not acceptable"
                }
            }
        }
        return 1;
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, MeterRegistries.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Kept apart so the Prometheus classes are loaded only when they are present. */
    private static final class Prometheus {

        static MeterRegistry newRegistry() {
            return new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                    io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);
        }

        static boolean is(MeterRegistry registry) {
            return registry instanceof io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
        }

        static String scrape(MeterRegistry registry, String contentType) {
            return ((io.micrometer.prometheusmetrics.PrometheusMeterRegistry) registry).scrape(contentType);
        }
    }
}

package com.landki.interview.servlet.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The API's meters without forcing Prometheus: {@code micrometer-registry-prometheus} is an optional dependency,
 * touched only when it is on the class path. Thread-safe.
 */
public final class MeterRegistries {

    private static final boolean PROMETHEUS = present("io.micrometer.prometheusmetrics.PrometheusMeterRegistry");

    private MeterRegistries() {
    }

    /** A new Prometheus registry when Prometheus is on the class path, else a simple in-memory one. */
    public static MeterRegistry newDefault() {
        return PROMETHEUS ? Prometheus.newRegistry() : new SimpleMeterRegistry();
    }

    /**
     * The Prometheus text of {@code registry} (or of the Prometheus registry inside a composite one), or
     * {@code null} when it has none.
     */
    static String scrape(MeterRegistry registry) {
        if (PROMETHEUS && Prometheus.is(registry)) {
            return Prometheus.scrape(registry);
        }
        if (registry instanceof CompositeMeterRegistry composite) {
            for (MeterRegistry inner : composite.getRegistries()) {
                String text = scrape(inner);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
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

        static String scrape(MeterRegistry registry) {
            return ((io.micrometer.prometheusmetrics.PrometheusMeterRegistry) registry).scrape();
        }
    }
}

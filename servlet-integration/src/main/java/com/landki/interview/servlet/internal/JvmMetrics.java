package com.landki.interview.servlet.internal;

import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.lang.management.ManagementFactory;

/**
 * Micrometer's JVM and process meters (memory, GC, threads, class loading, CPU, uptime, file descriptors) in a
 * registry the API made itself ({@link MeterRegistries#newDefault()}); a host's registry is left alone, since
 * the host (Spring Boot's actuator, say) binds its own. Closing removes the GC listeners, so a stopped web
 * application leaves none behind. Thread-safe.
 */
final class JvmMetrics implements AutoCloseable {

    private final MeterRegistry registry;
    private final JvmGcMetrics gc;

    private JvmMetrics(MeterRegistry registry) {
        this.registry = registry;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        gc = new JvmGcMetrics();
        gc.bindTo(registry);
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                && os.getProcessCpuTime() >= 0) {
            // Prometheus' standard name, in seconds (Micrometer's own counts nanoseconds, see MeterRegistries)
            FunctionCounter.builder("process.cpu", os, bean -> bean.getProcessCpuTime() / 1e9).baseUnit("seconds")
                    .description("CPU time the JVM process used").register(registry);
        }
    }

    /** The JVM meters bound to {@code registry} when it is the API's own and unbound, else {@code null}. */
    static JvmMetrics bindIfOwn(MeterRegistry registry) {
        return MeterRegistries.claimJvmMeters(registry) ? new JvmMetrics(registry) : null;
    }

    @Override
    public void close() {
        gc.close();
        MeterRegistries.release(registry);
    }
}

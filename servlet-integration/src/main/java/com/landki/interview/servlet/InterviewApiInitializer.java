package com.landki.interview.servlet;

import com.landki.interview.config.ConfigSource;
import com.landki.interview.config.Settings;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mounts the interview API when the web application starts.
 *
 * <ul>
 *   <li>In a WAR, the container discovers it through {@code META-INF/services} and reads the settings of the
 *   configuration table ({@link Settings}) from system properties, then context parameters
 *   ({@code <context-param>} in {@code web.xml}), then the process environment. Opt out with the context
 *   parameter {@code interview.api.autoregister=false} or the
 *   environment variable {@code INTERVIEW_API_AUTOREGISTER=false}.</li>
 *   <li>Embedded, register an instance made with {@link #InterviewApiInitializer(InterviewApiOptions)}:
 *   Jetty {@code context.addServletContainerInitializer(init)}, Tomcat
 *   {@code context.addServletContainerInitializer(init, null)}. An explicit instance ignores the opt-out.</li>
 * </ul>
 * Thread-safe; each {@code onStartup} mounts once.
 */
public final class InterviewApiInitializer implements ServletContainerInitializer {

    /** Context parameter that turns the discovered initializer off. */
    public static final String AUTOREGISTER_PARAM = Settings.INTERVIEW_API_AUTOREGISTER.names().get(1);
    /** Environment variable that turns the discovered initializer off. */
    public static final String AUTOREGISTER_ENV = Settings.INTERVIEW_API_AUTOREGISTER.name();

    private static final Logger LOG = LoggerFactory.getLogger(InterviewApiInitializer.class);

    private final InterviewApiOptions options;

    /** The discovered form: reads context parameters and the environment at start. */
    public InterviewApiInitializer() {
        this.options = null;
    }

    /**
     * The explicit form for embedded containers.
     *
     * @param options what to mount
     */
    public InterviewApiInitializer(InterviewApiOptions options) {
        this.options = java.util.Objects.requireNonNull(options, "options");
    }

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        if (options != null) {
            InterviewApi.mount(context, options);
            return;
        }
        ConfigSource source = source(context);
        if (!Settings.INTERVIEW_API_AUTOREGISTER.read(source)) {
            LOG.info("interview API auto-registration is off ({} or {} is false); mount it with InterviewApi.mount",
                    AUTOREGISTER_PARAM, AUTOREGISTER_ENV);
            return;
        }
        InterviewApi.mount(context, InterviewApiOptions.from(source));
    }

    /** The settings as a web application sees them: system properties &gt; context parameters &gt; environment. */
    static ConfigSource source(ServletContext context) {
        return ConfigSource.standard(context::getInitParameter);
    }
}

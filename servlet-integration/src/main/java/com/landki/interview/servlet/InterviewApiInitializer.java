package com.landki.interview.servlet;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mounts the interview API when the web application starts.
 *
 * <ul>
 *   <li>In a WAR, the container discovers it through {@code META-INF/services} and reads the settings of
 *   the README's configuration table from context parameters ({@code <context-param>} in {@code web.xml}) over the process
 *   environment. Opt out with the context parameter {@code interview.api.autoregister=false} or the
 *   environment variable {@code INTERVIEW_API_AUTOREGISTER=false}.</li>
 *   <li>Embedded, register an instance made with {@link #InterviewApiInitializer(InterviewApiOptions)}:
 *   Jetty {@code context.addServletContainerInitializer(init)}, Tomcat
 *   {@code context.addServletContainerInitializer(init, null)}. An explicit instance ignores the opt-out.</li>
 * </ul>
 * Thread-safe; each {@code onStartup} mounts once.
 */
public final class InterviewApiInitializer implements ServletContainerInitializer {

    /** Context parameter that turns the discovered initializer off. */
    public static final String AUTOREGISTER_PARAM = "interview.api.autoregister";
    /** Environment variable that turns the discovered initializer off. */
    public static final String AUTOREGISTER_ENV = "INTERVIEW_API_AUTOREGISTER";

    private static final Logger LOG = LoggerFactory.getLogger(InterviewApiInitializer.class);

    private final InterviewApiOptions options;

    /** The discovered form: reads context parameters and the environment at start. */
    public InterviewApiInitializer() {
        this.options = null;
    }

    /** The explicit form for embedded containers. */
    public InterviewApiInitializer(InterviewApiOptions options) {
        this.options = java.util.Objects.requireNonNull(options, "options");
    }

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        if (options != null) {
            InterviewApi.mount(context, options);
            return;
        }
        String param = context.getInitParameter(AUTOREGISTER_PARAM);
        String env = System.getenv(AUTOREGISTER_ENV);
        if (isFalse(param) || (param == null && isFalse(env))) {
            LOG.info("interview API auto-registration is off ({}=false); mount it with InterviewApi.mount",
                    isFalse(param) ? AUTOREGISTER_PARAM : AUTOREGISTER_ENV);
            return;
        }
        InterviewApi.mount(context, fromContext(context));
    }

    /** The configuration table's settings read from context parameters, falling back to the process environment. */
    static InterviewApiOptions fromContext(ServletContext context) {
        return InterviewApiOptions.fromEnv(contextEnv(context));
    }

    static java.util.function.Function<String, String> contextEnv(ServletContext context) {
        return name -> {
            String value = context.getInitParameter(name);
            return value != null ? value : System.getenv(name);
        };
    }

    private static boolean isFalse(String value) {
        return value != null && value.trim().toLowerCase(Locale.ROOT).equals("false");
    }
}

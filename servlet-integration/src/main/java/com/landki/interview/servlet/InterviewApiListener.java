package com.landki.interview.servlet;

import com.landki.interview.config.ConfigSource;
import com.landki.interview.config.Settings;
import com.landki.interview.servlet.internal.ApiComponents;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code web.xml} way to mount the API: declare this listener, give the settings as
 * {@code <context-param>}s (names of the README's configuration table) and set
 * {@code interview.api.autoregister=false} so the
 * discovered {@link InterviewApiInitializer} leaves the mounting to you. When the initializer already
 * mounted the API, this listener does nothing. Thread-safe.
 */
public final class InterviewApiListener implements ServletContextListener {

    private static final Logger LOG = LoggerFactory.getLogger(InterviewApiListener.class);

    private volatile ApiComponents mounted;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ConfigSource source = InterviewApiInitializer.source(event.getServletContext());
        String mount = InterviewApiOptions.normalizeMountPath(Settings.INTERVIEW_API_MOUNT_PATH.read(source));
        if (InterviewApi.isMounted(event.getServletContext(), mount)) {
            LOG.info("interview API already mounted at {} by the initializer; the listener has nothing to do", mount);
            return;
        }
        mounted = InterviewApi.mount(event.getServletContext(), InterviewApiOptions.from(source), false);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        ApiComponents parts = mounted;
        if (parts != null) {
            parts.close();
        }
    }
}

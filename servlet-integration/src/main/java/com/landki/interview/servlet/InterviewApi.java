package com.landki.interview.servlet;

import com.landki.interview.servlet.internal.ApiComponents;
import com.landki.interview.servlet.internal.ApiFilter;
import com.landki.interview.servlet.internal.ApiRoutes;
import com.landki.interview.servlet.internal.ApiRuntime;
import com.landki.interview.servlet.internal.ApiServlet;
import com.landki.interview.servlet.internal.UserIds;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mounts the whole {@code /interview/api} into a servlet context: one filter (Origin/CORS, rate limits,
 * body checks, JSON errors), the API servlet, and the ChatKit protocol servlet when configured. This is the
 * one code path behind every way of mounting: {@link InterviewApiInitializer} (discovered in a WAR, or
 * registered explicitly with embedded Jetty and Tomcat), a Spring {@code ServletContextInitializer}, or
 * a {@code ServletContextListener} of your own.
 *
 * <p>Call it while the context initializes (from {@code ServletContainerInitializer.onStartup} or
 * {@code ServletContextListener.contextInitialized}); containers refuse new servlets afterwards.
 */
public final class InterviewApi {

    /** Request attribute with the caller's user id, for servlets mounted under the API path. */
    public static final String USER_ID_ATTRIBUTE = UserIds.ATTRIBUTE;
    /**
     * Request attribute with the caller's user id hashed for log lines ({@code user_hash}, keyed with the
     * user-id cookie secret), for servlets mounted under the API path; {@code ChatKitProtocolServlet} hands it
     * on as {@code RequestContext.USER_HASH}.
     */
    public static final String USER_HASH_ATTRIBUTE = UserIds.HASH_ATTRIBUTE;
    /** Request attribute with the caller's IP as it may be stored (anonymized unless turned off). */
    public static final String CLIENT_IP_ATTRIBUTE = ApiFilter.STORED_IP;
    /**
     * Request attribute with the API route template the request matched, context and mount path included (e.g.
     * {@code /interview/api/chatkit/attachments/*}), for access logs that must not log ids; absent for paths the
     * API does not know.
     */
    public static final String ROUTE_ATTRIBUTE = ApiFilter.ROUTE;

    private static final Logger LOG = LoggerFactory.getLogger(InterviewApi.class);
    private static final String MOUNTED_PREFIX = "com.landki.interview.servlet.mounted:";

    private InterviewApi() {
    }

    /**
     * Registers the API at {@code options.mountPath()}, opening what the options describe but do not give
     * (store, ChatKit client, own server); those are closed when the web application stops.
     *
     * @param context the web application, while it initializes
     * @param options what to mount; see {@link InterviewApiOptions}
     * @return what the API runs with: store, backend ({@code auto} resolved), whether chat is configured
     * @throws IllegalStateException when an API is already mounted at that path in this context
     */
    public static ApiStatus mount(ServletContext context, InterviewApiOptions options) {
        ApiComponents parts = mount(context, options, true);
        return parts.status();
    }

    /**
     * {@code closeOnDestroy=false} when the caller (a listener, which may not add listeners) closes the
     * returned parts itself.
     */
    static ApiComponents mount(ServletContext context, InterviewApiOptions options, boolean closeOnDestroy) {
        String mount = options.mountPath();
        if (context.getAttribute(MOUNTED_PREFIX + mount) != null) {
            throw new IllegalStateException("the interview API is already mounted at " + mount + " in this web"
                    + " application; mount it once (set the context parameter interview.api.autoregister=false"
                    + " when you mount it yourself)");
        }
        ApiComponents parts = ApiComponents.open(options);
        try {
            register(context, options, parts);
        } catch (RuntimeException e) {
            parts.close();
            throw e;
        }
        if (closeOnDestroy) {
            context.addListener(new Closer(parts));
        }
        context.setAttribute(MOUNTED_PREFIX + mount, parts.status());
        LOG.info("interview API mounted at {}{}: {}", context.getContextPath(), mount, parts.status().describe());
        String chatMissing = parts.setup().chatMissing();
        if (chatMissing != null) {
            LOG.warn(chatMissing);
        }
        String hostedRetired = parts.setup().hostedRetired();
        if (hostedRetired != null) {
            LOG.warn(hostedRetired);
        }
        return parts;
    }

    private static void register(ServletContext context, InterviewApiOptions options, ApiComponents parts) {
        String mount = options.mountPath();
        ApiRuntime runtime = new ApiRuntime(options, parts, context.getContextPath());
        FilterRegistration.Dynamic filter = context.addFilter("interview-api-filter" + mount, new ApiFilter(runtime));
        if (filter == null) {
            throw new IllegalStateException("the interview API filter is already registered in this context (a"
                    + " restarted context keeps its registrations): create a new context and options to start again");
        }
        filter.setAsyncSupported(true);
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, mount + "/*");

        ServletRegistration.Dynamic api = context.addServlet("interview-api" + mount, new ApiServlet(runtime));
        api.setAsyncSupported(true);
        api.setLoadOnStartup(1);
        conflictCheck(api.addMapping(mount + "/*"), mount + "/*");

        ChatKitProtocolServlet chatKitServlet = parts.chatKitServlet();
        if (chatKitServlet != null) {
            ServletRegistration.Dynamic chatkit = context.addServlet("interview-chatkit" + mount, chatKitServlet);
            chatkit.setAsyncSupported(true);
            conflictCheck(ChatKitProtocolServlet.addMappings(chatkit, mount + ApiRoutes.CHATKIT,
                    chatKitServlet), mount + ApiRoutes.CHATKIT);
        }
    }

    /**
     * Whether an API is already mounted at {@code mountPath} in this context.
     *
     * @param context the web application
     * @param mountPath e.g. {@code /interview/api}
     * @return {@code true} when one is mounted there
     */
    public static boolean isMounted(ServletContext context, String mountPath) {
        return status(context, mountPath) != null;
    }

    /**
     * What the API mounted at {@code mountPath} in this context runs with, or {@code null} when none is.
     *
     * @param context the web application
     * @param mountPath e.g. {@code /interview/api}
     * @return the status, or {@code null}
     */
    public static ApiStatus status(ServletContext context, String mountPath) {
        return context.getAttribute(MOUNTED_PREFIX + mountPath) instanceof ApiStatus status ? status : null;
    }

    private static void conflictCheck(java.util.Set<String> conflicts, String pattern) {
        if (!conflicts.isEmpty()) {
            throw new IllegalStateException("another servlet is already mapped to " + pattern);
        }
    }

    /** Closes what mounting opened when the application stops. */
    private static final class Closer implements ServletContextListener {

        private final ApiComponents parts;

        Closer(ApiComponents parts) {
            this.parts = parts;
        }

        @Override
        public void contextDestroyed(ServletContextEvent event) {
            parts.close();
        }
    }
}

package com.landki.interview.example;

import com.landki.interview.config.ConfigSource;
import com.landki.interview.config.Settings;
import com.landki.interview.servlet.ApiStatus;
import com.landki.interview.servlet.AssetServlet;
import com.landki.interview.servlet.ClientIps;
import com.landki.interview.servlet.InterviewApi;
import com.landki.interview.servlet.InterviewApiInitializer;
import com.landki.interview.servlet.InterviewApiOptions;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.BindException;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone interview server: the API at {@code /interview/api}, the chat page at {@code /interview/}
 * and the dashboard at {@code /interview/dashboard/} (from {@code interview-frontend-assets} on the
 * classpath). {@link #main} reads the README's configuration table (system properties, then the environment);
 * tests call {@link #createServer} with port 0. Every request gets an id ({@link RequestIds}) and one access line
 * ({@link AccessLog}); the log format is {@link LogSetup}'s.
 */
public final class InterviewServer {

    static {
        CommonPool.ensureTwoWorkers();
    }

    /** How long a stop waits for requests in flight. */
    public static final long STOP_TIMEOUT_MS = 15_000;

    private static final Logger LOG = LoggerFactory.getLogger(InterviewServer.class);

    private InterviewServer() {
    }

    /**
     * Most threads the server's pool runs. The API's handlers do not wait on upstream calls (they complete
     * asynchronously), so a few dozen threads serve thousands of connections; Jetty's default of 200 only adds
     * stacks (measured: all 200 started under 512 connections on two cores, see docs/benchmarks.md).
     */
    static final int MAX_THREADS = 64;

    /** Largest request line plus headers; beyond it the connector answers 431. */
    static final int REQUEST_HEADER_BYTES = 8 * 1024;

    /**
     * Capacity of each connection's cache of parsed header fields: none. Jetty's default (1024) gives every
     * connection a 96 KiB table once it has seen two requests: 512 keep-alive connections held 50 MB of a 128 MB
     * heap and the server spent a fifth of its CPU in full collections, and even 256 (24 KiB) filled the heap
     * with 2,000 open streams (docs/benchmarks.md, "Where the CPU went"). Parsing the few headers afresh is cheap.
     */
    static final int HEADER_CACHE_SIZE = 0;

    /** Creates, but does not start, a server on {@code port} (0 picks a free port). */
    public static Server createServer(int port, InterviewApiOptions options) {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 8);
        threads.setName("interview");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false); // no "Server: Jetty(12.x)" telling a scanner which CVEs to try
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(REQUEST_HEADER_BYTES);
        http.setHeaderCacheSize(HEADER_CACHE_SIZE);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setPort(port);
        // longer than the API's async timeout (120 s), so a slow upstream gets our 504, not a dropped connection
        connector.setIdleTimeout(130_000);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler("/");
        context.addServletContainerInitializer(new InterviewApiInitializer(options));
        context.addServlet(new ServletHolder("interview-assets", new AssetServlet()), "/interview/*");
        context.addServlet(new ServletHolder("root-redirect", new RootRedirect()), "");
        context.addFilter(new FilterHolder(new NoTrace()), "/*", EnumSet.of(DispatcherType.REQUEST));
        // what the connector (server) or the servlet layer (context: ambiguous paths) refuses is JSON under the API
        context.setErrorHandler(new ApiErrorHandler(options.mountPath()));
        server.setErrorHandler(new ApiErrorHandler(options.mountPath()));

        // graceful stop: refuse new requests, let those in flight finish, then destroy the context
        // (which closes the stores the mounted API opened)
        // every request gets its id first: the access line and all other lines of it carry it
        server.setHandler(new RequestIds(new GracefulHandler(context)));
        server.setRequestLog(new AccessLog(ClientIps.of(options.security())));
        server.setStopTimeout(STOP_TIMEOUT_MS);
        server.setStopAtShutdown(true);
        return server;
    }

    /** The port a started server listens on. */
    public static int port(Server server) {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /**
     * Starts the server the configuration describes and waits until it stops. A start that fails (a wrong
     * setting, a port in use, an unusable log directory or database) logs one line naming the cause and exits
     * with code 1; the stack trace is logged at DEBUG only (docs/operations.md, "JVM settings").
     */
    public static void main(String[] args) throws InterruptedException {
        Server server;
        try {
            server = start();
        } catch (Exception e) {
            LOG.error(startFailure(e));
            LOG.debug("interview server start-up failure", e);
            System.exit(1);
            return;
        }
        server.join();
    }

    private static Server start() throws Exception {
        ConfigSource config = ConfigSource.standard();
        Settings.LOG_FORMAT.read(config); // a wrong LOG_FORMAT stops the start, as every wrong setting does
        int port = Settings.PORT.read(config);
        InterviewApiOptions options = InterviewApiOptions.from(config);
        Server server = createServer(port, options);
        server.start();
        ApiStatus status = status(server, options);
        // when chat is not configured, the API has warned what to set as it was mounted
        LOG.info(startupLine(port(server), options, status));
        logStop(server);
        return server;
    }

    /** The one line a failed start logs: its cause in words and, where there is one, the setting that fixes it. */
    static String startFailure(Throwable failure) {
        String line = "interview server did not start: " + message(failure);
        BindException bind = causeOf(failure, BindException.class);
        if (bind != null) {
            if (bind != failure && bind.getMessage() != null && !line.contains(bind.getMessage())) {
                line += " (" + bind.getMessage() + ")";
            }
            line += "; set PORT to a free port";
        }
        return line.replaceAll("\\s*\\R\\s*", " "); // one line, even for a multi-line message
    }

    /** The first message along the cause chain (a wrapper often has none of its own), else the type's name. */
    private static String message(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return failure.getClass().getSimpleName();
    }

    private static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** One line when the server has stopped (graceful stop on SIGTERM/Ctrl-C done, stores closed). */
    private static void logStop(Server server) {
        int port = port(server);
        long started = System.nanoTime();
        server.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStopped(LifeCycle event) {
                LOG.info("Interview server on port {} stopped after {} s", port,
                        (System.nanoTime() - started) / 1_000_000_000L);
            }
        });
    }

    /** What the API of a started server runs with (store, backend, chat), as decided when it was mounted. */
    static ApiStatus status(Server server, InterviewApiOptions options) {
        return InterviewApi.status(server.getDescendant(ServletContextHandler.class).getServletContext(),
                options.mountPath());
    }

    /** One line naming port, store and what is configured; never a secret. */
    static String startupLine(int port, InterviewApiOptions options, ApiStatus status) {
        boolean assets = InterviewServer.class.getClassLoader()
                .getResource(AssetServlet.DEFAULT_PREFIX + "/index.html") != null;
        Set<String> origins = options.security().allowedOrigins();
        return "interview server listening on port " + port + ": page /interview/, dashboard /interview/dashboard/, API "
                + options.mountPath() + "; store=" + status.store()
                + ", chat backend=" + status.backend().id() + " (" + (status.chatConfigured() ? "configured"
                        : "NOT configured")
                + "), admin=" + (status.adminToken() ? "bearer token" : "loopback only (ADMIN_TOKEN unset)")
                + ", allowed origins=" + (origins.isEmpty() ? "same origin only" : String.join(" ", origins))
                + ", page assets=" + (assets ? "present" : "missing (add interview-frontend-assets)");
    }

    /** TRACE echoes cookies and credentials back; no path of this server serves it. */
    private static final class NoTrace extends HttpFilter {

        private static final long serialVersionUID = 1L;

        @Override
        protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
                throws IOException, ServletException {
            if ("TRACE".equalsIgnoreCase(req.getMethod())) {
                res.setStatus(405);
                res.setHeader("Allow", "GET, HEAD, POST, DELETE, OPTIONS");
                return;
            }
            chain.doFilter(req, res);
        }
    }

    /** {@code /} sends visitors to the chat page. */
    private static final class RootRedirect extends HttpServlet {

        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse res) {
            res.setStatus(302);
            res.setHeader("Location", req.getContextPath() + "/interview/");
        }
    }
}

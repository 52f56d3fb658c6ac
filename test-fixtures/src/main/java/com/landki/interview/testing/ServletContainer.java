package com.landki.interview.testing;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContainerInitializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A started embedded servlet container on a free loopback port, with one web application at the root
 * context: an initializer (which mounts what is tested) and optionally one servlet added the way each
 * container's documentation shows. Closing it stops the container and deletes its work files.
 */
public interface ServletContainer extends AutoCloseable {

    /** The containers the servlets are tested on. */
    enum Kind {
        /** Embedded Jetty 12 (ee10): a plain {@code ServletContextHandler}. */
        JETTY,
        /** Embedded Tomcat 11: {@code Tomcat.addContext}. */
        TOMCAT;

        /** Starts this container with {@code initializer} run at context start. */
        public ServletContainer start(ServletContainerInitializer initializer) throws Exception {
            return start(initializer, null, null);
        }

        /** Starts this container with {@code initializer} and {@code servlet} mapped at {@code mapping}. */
        public ServletContainer start(ServletContainerInitializer initializer, String mapping, Servlet servlet)
                throws Exception {
            return this == JETTY ? jetty(initializer, mapping, servlet) : tomcat(initializer, mapping, servlet);
        }
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    URI base();

    /** The port the container listens on. */
    default int port() {
        return base().getPort();
    }

    @Override
    void close() throws Exception;

    private static ServletContainer jetty(ServletContainerInitializer initializer, String mapping, Servlet servlet)
            throws Exception {
        Server server = new Server(0);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServletContainerInitializer(initializer);
        if (servlet != null) {
            context.addServlet(new ServletHolder(servlet), mapping);
        }
        server.setHandler(context);
        server.start();
        URI base = URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
        return new Started(base, server::stop);
    }

    private static ServletContainer tomcat(ServletContainerInitializer initializer, String mapping, Servlet servlet)
            throws Exception {
        Path baseDir = Files.createTempDirectory("tomcat");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setPort(0);
        tomcat.getConnector();
        Context context = tomcat.addContext("", null);
        context.addServletContainerInitializer(initializer, null);
        if (servlet != null) {
            Tomcat.addServlet(context, "added-servlet", servlet);
            context.addServletMappingDecoded(mapping, "added-servlet");
        }
        tomcat.start();
        URI base = URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort());
        return new Started(base, () -> {
            tomcat.stop();
            tomcat.destroy();
            deleteTree(baseDir);
        });
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A running container and how to stop it. */
    record Started(URI base, Stopper stopper) implements ServletContainer {
        @Override
        public void close() throws Exception {
            stopper.stop();
        }
    }

    /** Stops a container. */
    @FunctionalInterface
    interface Stopper {
        void stop() throws Exception;
    }
}

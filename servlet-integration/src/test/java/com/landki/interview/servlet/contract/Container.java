package com.landki.interview.servlet.contract;

import com.landki.interview.servlet.AssetServlet;
import com.landki.interview.servlet.InterviewApiInitializer;
import com.landki.interview.servlet.InterviewApiOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** A started servlet container with the API and the asset servlet mounted the documented way. */
interface Container extends AutoCloseable {

    URI base();

    /** Embedded Jetty 12 (ee10): the initializer registered on a plain {@code ServletContextHandler}. */
    static Container jetty(InterviewApiOptions options) throws Exception {
        Server server = new Server(0);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServletContainerInitializer(new InterviewApiInitializer(options));
        context.addServlet(new ServletHolder(new AssetServlet()), "/interview/*");
        server.setHandler(context);
        server.start();
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        URI base = URI.create("http://127.0.0.1:" + port);
        return new Container() {
            @Override
            public URI base() {
                return base;
            }

            @Override
            public void close() throws Exception {
                server.stop();
            }
        };
    }

    /** Embedded Tomcat 11: the same initializer on {@code Tomcat.addContext}. */
    static Container tomcat(InterviewApiOptions options) throws Exception {
        Path baseDir = Files.createTempDirectory("tomcat");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setPort(0);
        tomcat.getConnector();
        Context context = tomcat.addContext("", null);
        context.addServletContainerInitializer(new InterviewApiInitializer(options), null);
        Tomcat.addServlet(context, "interview-assets", new AssetServlet());
        context.addServletMappingDecoded("/interview/*", "interview-assets");
        tomcat.start();
        URI base = URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort());
        return new Container() {
            @Override
            public URI base() {
                return base;
            }

            @Override
            public void close() throws Exception {
                tomcat.stop();
                tomcat.destroy();
            }
        };
    }
}

package com.landki.interview.servlet.chatkit;

import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The ChatKit protocol servlet contract on embedded Jetty 12 (ee10). */
class JettyChatKitProtocolServletTest extends ChatKitProtocolServletContract {

    private Server jetty;

    @Override
    URI start(HttpServlet servlet) throws Exception {
        jetty = new Server(0);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServletContainerInitializer((classes, servletContext) ->
                ChatKitProtocolServlet.register(servletContext, PATH, (ChatKitProtocolServlet) servlet));
        jetty.setHandler(context);
        jetty.start();
        return URI.create("http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort() + "/");
    }

    @Override
    void stop() throws Exception {
        jetty.stop();
    }
}

package com.landki.interview.example;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;

/** The standalone interview server (placeholder until the servlet integration lands). */
public final class InterviewServer {

    private InterviewServer() {
    }

    /** Creates, but does not start, a server on {@code port} (0 picks a free port). */
    public static Server createServer(int port) {
        Server server = new Server(port);
        server.setHandler(new ServletContextHandler("/"));
        return server;
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "3001"));
        Server server = createServer(port);
        server.start();
        server.join();
    }
}

package com.landki.interview.servlet.chatkit;

import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;

/** The ChatKit protocol servlet contract on embedded Tomcat 11. */
class TomcatChatKitProtocolServletTest extends ChatKitProtocolServletContract {

    private Tomcat tomcat;
    private Path baseDir;

    @Override
    URI start(HttpServlet servlet) throws Exception {
        baseDir = Files.createTempDirectory("tomcat-chatkit");
        tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setPort(0);
        tomcat.getConnector();
        Context context = tomcat.addContext("", null);
        context.addServletContainerInitializer((classes, servletContext) ->
                ChatKitProtocolServlet.register(servletContext, PATH, (ChatKitProtocolServlet) servlet), null);
        tomcat.start();
        return URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/");
    }

    @Override
    void stop() throws Exception {
        tomcat.stop();
        tomcat.destroy();
        try (var files = Files.walk(baseDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

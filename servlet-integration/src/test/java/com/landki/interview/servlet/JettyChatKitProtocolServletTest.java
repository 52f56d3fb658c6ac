package com.landki.interview.servlet;

import com.landki.interview.testing.ServletContainer;

/** The ChatKit protocol servlet contract on embedded Jetty 12 (ee10). */
class JettyChatKitProtocolServletTest extends ChatKitProtocolServletContract {

    @Override
    ServletContainer.Kind kind() {
        return ServletContainer.Kind.JETTY;
    }
}

package com.landki.interview.servlet;

import com.landki.interview.testing.ServletContainer;

/** The ChatKit protocol servlet contract on embedded Tomcat 11. */
class TomcatChatKitProtocolServletTest extends ChatKitProtocolServletContract {

    @Override
    ServletContainer.Kind kind() {
        return ServletContainer.Kind.TOMCAT;
    }
}

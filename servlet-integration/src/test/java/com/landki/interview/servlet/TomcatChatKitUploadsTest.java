package com.landki.interview.servlet;

import com.landki.interview.testing.ServletContainer;

/** Uploads, previews and dictation through the protocol servlet on embedded Tomcat. */
class TomcatChatKitUploadsTest extends ChatKitUploadsContract {

    @Override
    ServletContainer.Kind kind() {
        return ServletContainer.Kind.TOMCAT;
    }
}

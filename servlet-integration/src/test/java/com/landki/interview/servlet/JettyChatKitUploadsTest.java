package com.landki.interview.servlet;

import com.landki.interview.testing.ServletContainer;

/** Uploads, previews and dictation through the protocol servlet on embedded Jetty. */
class JettyChatKitUploadsTest extends ChatKitUploadsContract {

    @Override
    ServletContainer.Kind kind() {
        return ServletContainer.Kind.JETTY;
    }
}

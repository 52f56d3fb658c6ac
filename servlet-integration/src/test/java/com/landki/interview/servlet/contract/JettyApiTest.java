package com.landki.interview.servlet.contract;

import com.landki.interview.testing.ServletContainer;

/** The HTTP contract on embedded Jetty 12 (ee10). */
class JettyApiTest extends ApiContract {

    @Override
    ServletContainer.Kind kind() {
        return ServletContainer.Kind.JETTY;
    }
}

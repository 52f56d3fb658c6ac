package com.landki.interview.servlet.contract;

import com.landki.interview.testing.ServletContainer;

/** The HTTP contract on embedded Tomcat 11. */
class TomcatApiTest extends ApiContract {

    @Override
    ServletContainer.Kind kind() {
        return ServletContainer.Kind.TOMCAT;
    }
}

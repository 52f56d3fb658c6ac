package com.landki.interview.servlet.contract;

import com.landki.interview.servlet.InterviewApiOptions;

class TomcatContractTest extends ApiContractSuite {

    @Override
    Container start(InterviewApiOptions options) throws Exception {
        return Container.tomcat(options);
    }
}

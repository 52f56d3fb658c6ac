package com.landki.interview.servlet.contract;

import com.landki.interview.servlet.AssetServlet;
import com.landki.interview.servlet.InterviewApiInitializer;
import com.landki.interview.servlet.InterviewApiOptions;
import com.landki.interview.testing.ServletContainer;

/** The API and the asset servlet mounted the documented way: the initializer, plus the pages at {@code /interview/*}. */
final class MountedApi {

    private MountedApi() {
    }

    static ServletContainer start(ServletContainer.Kind kind, InterviewApiOptions options) throws Exception {
        return kind.start(new InterviewApiInitializer(options), "/interview/*", new AssetServlet());
    }
}

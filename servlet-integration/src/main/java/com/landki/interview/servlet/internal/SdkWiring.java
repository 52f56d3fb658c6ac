package com.landki.interview.servlet.internal;

import com.landki.interview.servlet.InterviewApiOptions;
import java.util.function.Function;

/**
 * Builds the SDK parts (ChatKit client, store, classifier) from the environment and adapts them to the
 * ports the handlers use.
 */
public final class SdkWiring {

    private SdkWiring() {
    }

    public static void fromEnv(Function<String, String> env, InterviewApiOptions.Builder builder) {
        // TODO(servlet): replace by InterviewStore.fromEnv / ChatKitClient.fromEnv / ScopeClassifier once on main
        builder.store(new MemoryStorePort());
        builder.scope(MemoryStorePort.noClassifier());
    }
}

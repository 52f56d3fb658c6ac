package com.landki.interview.servlet.internal;

import com.landki.interview.classify.CombinedClassifier;
import com.landki.interview.classify.MarkerClassifier;
import com.landki.interview.classify.StructuredClassifier;
import com.landki.interview.servlet.InterviewApiOptions;
import com.landki.interview.store.InterviewStore;
import com.landki.interview.store.StoreConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the SDK parts (store, classifier, ChatKit client) from the environment and adapts them to what
 * the handlers use.
 */
public final class SdkWiring {

    /** The variables the SDK parts read, looked up through the caller's {@code env} function. */
    private static final String[] SDK_VARIABLES = {
        "INTERVIEW_STORE", "INTERVIEW_LOG_DIR", "INTERVIEW_LOG_DURABILITY", "INTERVIEW_LOG_ROTATE_BYTES",
        "INTERVIEW_LOG_ROTATE_DAILY", "INTERVIEW_LOG_RETENTION", "INTERVIEW_JDBC_URL", "INTERVIEW_JDBC_USER",
        "INTERVIEW_JDBC_PASSWORD", "OUT_OF_SCOPE_MARKERS_FILE", "OPENAI_API_KEY", "OPENAI_BASE_URL",
        "OPENAI_PROJECT_ID", "OPENAI_ORG_ID", "OPENAI_WORKFLOW_ID", "OPENAI_WORKFLOW_VERSION",
        "OPENAI_VECTOR_STORE_ID", "OPENAI_MODEL", "INTERVIEW_INSTRUCTIONS_FILE", "CHATKIT_BACKEND",
    };

    private SdkWiring() {
    }

    /** The SDK's variables as a map (the SDK's {@code fromEnv(Map)} factories take one). */
    public static Map<String, String> envMap(Function<String, String> env) {
        Map<String, String> map = new HashMap<>();
        for (String name : SDK_VARIABLES) {
            String value = env.apply(name);
            if (value != null) {
                map.put(name, value);
            }
        }
        return map;
    }

    public static void fromEnv(Function<String, String> env, InterviewApiOptions.Builder builder) {
        Map<String, String> map = envMap(env);
        InterviewStore store = InterviewStore.open(StoreConfig.fromEnv(map));
        builder.store(store).closeOnDestroy(store);
        builder.classifier(CombinedClassifier.of(StructuredClassifier.ofDefaults(), MarkerClassifier.fromEnv(map)));
    }
}

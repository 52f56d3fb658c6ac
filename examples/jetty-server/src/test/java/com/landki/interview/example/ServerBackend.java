package com.landki.interview.example;

import com.landki.interview.servlet.InterviewApiOptions;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.eclipse.jetty.server.Server;

/** The example server as a user starts it with {@code CHATKIT_BACKEND=server}, its OpenAI API a stand-in. */
final class ServerBackend {

    private ServerBackend() {
    }

    /** Starts it on a free port with the JSONL store in {@code logDir}, calling {@code upstream} for OpenAI. */
    static Server start(MockWebServer upstream, Path logDir) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("INTERVIEW_LOG_DIR", logDir.toString());
        env.put("CHATKIT_BACKEND", "server");
        env.put("OPENAI_API_KEY", "sk-server-backend-secret");
        env.put("OPENAI_BASE_URL", upstream.url("/v1").toString());
        env.put("OPENAI_VECTOR_STORE_ID", "vs_seed");
        Server server = InterviewServer.createServer(0, InterviewApiOptions.from(env::get));
        server.start();
        return server;
    }
}

package com.landki.interview.chatkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.landki.interview.chatkit.server.agent.ResponsesAgent;
import com.landki.interview.chatkit.server.setup.StoreHooks;
import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.chatkit.server.types.RequestContext;
import com.landki.interview.classify.MarkerClassifier;
import com.landki.interview.openai.OpenAiConfig;
import com.landki.interview.openai.OpenAiHttp;
import com.landki.interview.store.Durability;
import com.landki.interview.store.InterviewStore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wiring shown in docs/chatkit-server.md, so the snippet cannot rot. */
class DocsSnippetTest {

    @Test
    void theDocumentedWiringBuildsAndAnswersJson(@TempDir Path logDir) throws Exception {
        try (InterviewStore interviewStore = InterviewStore.inMemory()) {
            OpenAiHttp openAi = OpenAiHttp.create(OpenAiConfig.builder().apiKey("sk-doc").build());
            ResponsesAgent agent = ResponsesAgent.builder().openAi(openAi)
                    .vectorStoreIds(List.of("vs_seed")).build();
            var threads = ThreadStore.jsonl(logDir, Durability.FLUSH);
            ChatKitServer chatKit = ChatKitServer.builder()
                    .store(threads)
                    .responder(agent)
                    .feedbackListener(StoreHooks.feedbackTo(interviewStore.feedback()))
                    .answerListener(StoreHooks.classifiedTo(interviewStore.chatLog()))
                    .answerClassifier(StoreHooks.markers(MarkerClassifier.ofDefaults()))
                    .build();

            byte[] requestBody = "{\"type\":\"threads.list\",\"params\":{}}".getBytes(StandardCharsets.UTF_8);
            ChatKitResult result = chatKit.process(requestBody, new RequestContext("user-1", Map.of(RequestContext.IP, "203.0.113.0")));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (result.isStreaming()) {
                result.writeTo(out);
            } else {
                out.write(result.json());
            }

            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"data\":[],\"has_more\":false}");
            threads.close();
        }
    }
}

package com.landki.interview.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.landki.interview.chatkit.ChatKitClient;
import com.landki.interview.openai.RetryPolicy;
import com.landki.interview.openai.ServerException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** ThreadClassifier over the real ChatKit client against a scripted ChatKit API. */
@Timeout(30)
class ChatKitThreadReaderTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private ThreadClassifier threads() {
        ChatKitClient client = ChatKitClient.builder().apiKey("sk-test").baseUrl(server.url("/v1").toString())
                .retryPolicy(RetryPolicy.none()).build();
        return ThreadClassifier.builder().reader(ChatKitThreadReader.of(client)).build();
    }

    private void enqueueThread(String owner) {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"id\":\"cthr_1\",\"object\":\"chatkit.thread\",\"created_at\":1,\"title\":null,"
                        + "\"status\":{\"type\":\"active\"},\"user\":\"" + owner + "\"}").build());
    }

    private void enqueueItems(String newestFirst) {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"object\":\"list\",\"data\":" + newestFirst
                        + ",\"first_id\":null,\"last_id\":null,\"has_more\":false}").build());
    }

    @Test
    void readsOwnerThenNewestItemsAndClassifiesTheLastTurn() throws Exception {
        enqueueThread("user-a");
        enqueueItems("["
                + "{\"id\":\"cthi_4\",\"thread_id\":\"cthr_1\",\"created_at\":4,\"type\":\"chatkit.client_tool_call\","
                + "\"name\":\"report_out_of_scope\",\"arguments\":\"{\\\"out_of_scope\\\":true,\\\"reason\\\":\\\"Gehalt\\\"}\","
                + "\"call_id\":\"call_1\",\"output\":null,\"status\":\"completed\"},"
                + "{\"id\":\"cthi_3\",\"thread_id\":\"cthr_1\",\"created_at\":3,\"type\":\"chatkit.assistant_message\","
                + "\"content\":[{\"type\":\"output_text\",\"text\":\"Dazu kann ich nichts sagen.\",\"annotations\":[]}]},"
                + "{\"id\":\"cthi_2\",\"thread_id\":\"cthr_1\",\"created_at\":2,\"type\":\"chatkit.widget\",\"widget\":\"{}\"},"
                + "{\"id\":\"cthi_1\",\"thread_id\":\"cthr_1\",\"created_at\":1,\"type\":\"chatkit.user_message\","
                + "\"content\":[{\"type\":\"input_text\",\"text\":\"Was verdient man?\"}],\"attachments\":[]}]");

        ThreadClassification result = threads().classify("cthr_1", "user-a");

        assertThat(result).isEqualTo(new ThreadClassification("cthr_1", "Was verdient man?",
                "Dazu kann ich nichts sagen.", ScopeDecision.structured(true, "report_out_of_scope"), "Gehalt"));
        RecordedRequest thread = server.takeRequest();
        assertThat(thread.getMethod()).isEqualTo("GET");
        assertThat(thread.getUrl().encodedPath()).isEqualTo("/v1/chatkit/threads/cthr_1");
        RecordedRequest items = server.takeRequest();
        assertThat(items.getUrl().encodedPath()).isEqualTo("/v1/chatkit/threads/cthr_1/items");
        assertThat(items.getUrl().queryParameter("order")).isEqualTo("desc");
        assertThat(items.getUrl().queryParameter("limit")).isEqualTo(String.valueOf(ThreadClassifier.DEFAULT_ITEM_LIMIT));
    }

    @Test
    void markerDecidesWhenTheWorkflowSetNoFlag() {
        enqueueThread("user-a");
        enqueueItems("["
                + "{\"id\":\"cthi_2\",\"thread_id\":\"cthr_1\",\"created_at\":2,\"type\":\"chatkit.assistant_message\","
                + "\"content\":[{\"type\":\"output_text\",\"text\":\"Sorry, that is outside my scope.\",\"annotations\":[]}]},"
                + "{\"id\":\"cthi_1\",\"thread_id\":\"cthr_1\",\"created_at\":1,\"type\":\"chatkit.user_message\","
                + "\"content\":[{\"type\":\"input_text\",\"text\":\"Weather tomorrow?\"}],\"attachments\":[]}]");

        assertThat(threads().classify("cthr_1", "user-a").decision()).isEqualTo(ScopeDecision.marker("outside my scope"));
    }

    @Test
    void foreignThreadIsRefusedAfterOneRequest() {
        enqueueThread("user-a");

        assertThatThrownBy(() -> threads().classify("cthr_1", "user-b")).isInstanceOf(ThreadNotOwnedException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void unknownThreadIsRefusedLikeAForeignOne() {
        server.enqueue(new MockResponse.Builder().code(404).addHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"Thread not found\",\"type\":\"invalid_request_error\"}}").build());

        assertThatThrownBy(() -> threads().classify("cthr_1", "user-a")).isInstanceOf(ThreadNotOwnedException.class);
    }

    @Test
    void upstreamErrorPassesThrough() {
        server.enqueue(new MockResponse.Builder().code(500).body("oops").build());

        assertThatThrownBy(() -> threads().classify("cthr_1", "user-a")).isInstanceOf(ServerException.class);
    }
}

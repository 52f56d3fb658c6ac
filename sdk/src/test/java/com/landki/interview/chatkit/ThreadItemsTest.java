package com.landki.interview.chatkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.landki.interview.chatkit.ThreadItem.AssistantMessage;
import com.landki.interview.chatkit.ThreadItem.ClientToolCall;
import com.landki.interview.chatkit.ThreadItem.Task;
import com.landki.interview.chatkit.ThreadItem.TaskGroup;
import com.landki.interview.chatkit.ThreadItem.Unknown;
import com.landki.interview.chatkit.ThreadItem.UserMessage;
import com.landki.interview.chatkit.ThreadItem.Widget;
import com.landki.interview.openai.RetryPolicy;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Item parsing through the real client: every known type, unknown types and odd fields. */
@Timeout(30)
class ThreadItemsTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private List<ThreadItem> items(String dataArray) {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"object\":\"list\",\"data\":" + dataArray
                + ",\"first_id\":null,\"last_id\":null,\"has_more\":false}").build());
        ChatKitClient client = ChatKitClient.builder().apiKey("sk-x").baseUrl(server.url("/v1").toString())
                .retryPolicy(RetryPolicy.none()).build();
        return client.listItems("cthr_1", ListOptions.defaults()).data();
    }

    @Test
    void parsesAUserMessage() {
        List<ThreadItem> items = items("[{\"id\":\"cthi_1\",\"object\":\"chatkit.thread_item\",\"created_at\":10,"
                + "\"thread_id\":\"cthr_1\",\"type\":\"chatkit.user_message\",\"content\":[{\"type\":\"input_text\","
                + "\"text\":\"Wie \"},{\"type\":\"quoted_text\",\"text\":\"zitat\"},{\"type\":\"input_text\","
                + "\"text\":\"geht das?\"}],\"attachments\":[{\"id\":\"att_1\",\"type\":\"image\",\"name\":\"a.png\","
                + "\"mime_type\":\"image/png\",\"preview_url\":\"https://x/p\"}],"
                + "\"inference_options\":{\"model\":\"gpt-x\",\"tool_choice\":{\"id\":\"search\"}}}]");

        assertThat(items).containsExactly(new UserMessage("cthi_1", "cthr_1", 10,
                List.of(new UserMessage.Content("input_text", "Wie "), new UserMessage.Content("quoted_text", "zitat"),
                        new UserMessage.Content("input_text", "geht das?")),
                List.of(new UserMessage.Attachment("att_1", "image", "a.png", "image/png", "https://x/p")),
                new UserMessage.InferenceOptions("gpt-x", "search")));
        UserMessage message = (UserMessage) items.get(0);
        assertThat(message.text()).isEqualTo("Wie geht das?");
        assertThat(message.type()).isEqualTo("chatkit.user_message");
    }

    @Test
    void parsesAnAssistantMessageAndJoinsItsOutputText() {
        List<ThreadItem> items = items("[{\"id\":\"cthi_2\",\"thread_id\":\"cthr_1\",\"created_at\":11,"
                + "\"type\":\"chatkit.assistant_message\",\"content\":[{\"type\":\"output_text\",\"text\":\"Das \","
                + "\"annotations\":[{\"type\":\"file\",\"source\":{\"type\":\"file\",\"filename\":\"guide.pdf\"}},"
                + "{\"type\":\"url\",\"source\":{\"type\":\"url\",\"url\":\"https://landki.de\"}}]},"
                + "{\"type\":\"refusal\",\"text\":\"(hidden)\",\"annotations\":[]},"
                + "{\"type\":\"output_text\",\"text\":\"geht so.\"}]}]");

        AssistantMessage message = (AssistantMessage) items.get(0);
        assertThat(message.text()).isEqualTo("Das geht so.");
        assertThat(message.content().get(0).annotations()).containsExactly(
                new AssistantMessage.Annotation("file", "guide.pdf", null),
                new AssistantMessage.Annotation("url", null, "https://landki.de"));
        assertThat(message.content().get(2).annotations()).isEmpty();
    }

    @Test
    void parsesAClientToolCall() {
        List<ThreadItem> items = items("[{\"id\":\"cthi_3\",\"thread_id\":\"cthr_1\",\"created_at\":12,"
                + "\"type\":\"chatkit.client_tool_call\",\"name\":\"report_out_of_scope\","
                + "\"arguments\":\"{\\\"classification\\\":{\\\"out_of_scope\\\":true}}\",\"call_id\":\"call_1\","
                + "\"output\":null,\"status\":\"in_progress\"}]");

        assertThat(items).containsExactly(new ClientToolCall("cthi_3", "cthr_1", 12, "report_out_of_scope",
                "{\"classification\":{\"out_of_scope\":true}}", "call_1", null, ClientToolCall.STATUS_IN_PROGRESS));
    }

    @Test
    void parsesWidgetTaskAndTaskGroup() {
        List<ThreadItem> items = items("[{\"id\":\"w\",\"thread_id\":\"t\",\"created_at\":1,\"type\":\"chatkit.widget\","
                + "\"widget\":\"{\\\"type\\\":\\\"Card\\\"}\"},"
                + "{\"id\":\"k\",\"thread_id\":\"t\",\"created_at\":2,\"type\":\"chatkit.task\",\"heading\":\"Searching\","
                + "\"summary\":null,\"task_type\":\"thought\"},"
                + "{\"id\":\"g\",\"thread_id\":\"t\",\"created_at\":3,\"type\":\"chatkit.task_group\",\"tasks\":["
                + "{\"type\":\"custom\",\"heading\":\"A\",\"summary\":\"a\"},{\"type\":\"thought\",\"heading\":\"B\"}]}]");

        assertThat(items).containsExactly(
                new Widget("w", "t", 1, "{\"type\":\"Card\"}"),
                new Task("k", "t", 2, "Searching", null, "thought"),
                new TaskGroup("g", "t", 3, List.of(new TaskGroup.Entry("custom", "A", "a"),
                        new TaskGroup.Entry("thought", "B", null))));
    }

    @Test
    void unknownItemTypesDoNotBreakThePage() {
        List<ThreadItem> items = items("[{\"id\":\"x\",\"thread_id\":\"t\",\"created_at\":5,"
                + "\"type\":\"chatkit.hologram\",\"payload\":{\"beam\":true}},"
                + "{\"id\":\"y\",\"type\":\"chatkit.task\",\"heading\":\"after\"}]");

        assertThat(items).hasSize(2);
        Unknown unknown = (Unknown) items.get(0);
        assertThat(unknown.type()).isEqualTo("chatkit.hologram");
        assertThat(unknown.createdAt()).isEqualTo(5);
        assertThat(unknown.raw().path("payload").path("beam").asBoolean()).isTrue();
        assertThat(items.get(1)).isInstanceOf(Task.class);
    }

    @Test
    void typesWithoutThePrefixAreUnderstood() {
        List<ThreadItem> items = items("[{\"id\":\"a\",\"type\":\"user_message\",\"content\":[{\"type\":\"input_text\","
                + "\"text\":\"hi\"}]},{\"id\":\"b\",\"type\":\"assistant_message\",\"content\":[{\"type\":\"output_text\","
                + "\"text\":\"ho\"}]}]");

        assertThat(((UserMessage) items.get(0)).text()).isEqualTo("hi");
        assertThat(((AssistantMessage) items.get(1)).text()).isEqualTo("ho");
    }

    @Test
    void missingAndOddFieldsDegradeGracefully() {
        List<ThreadItem> items = items("[{\"id\":\"a\",\"type\":\"chatkit.user_message\",\"content\":\"not a list\","
                + "\"attachments\":null,\"inference_options\":null,\"unexpected\":[1,2]},"
                + "{\"type\":\"chatkit.client_tool_call\",\"arguments\":{\"as\":\"object\"}},"
                + "{\"id\":\"c\"}]");

        UserMessage user = (UserMessage) items.get(0);
        assertThat(user.content()).isEmpty();
        assertThat(user.attachments()).isEmpty();
        assertThat(user.inferenceOptions()).isNull();
        assertThat(user.text()).isEmpty();
        ClientToolCall call = (ClientToolCall) items.get(1);
        assertThat(call.id()).isNull();
        assertThat(call.arguments()).isEqualTo("{\"as\":\"object\"}");
        assertThat(items.get(2)).isInstanceOfSatisfying(Unknown.class, u -> assertThat(u.type()).isNull());
    }
}

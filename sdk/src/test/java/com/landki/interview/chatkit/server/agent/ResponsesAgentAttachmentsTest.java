package com.landki.interview.chatkit.server.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.landki.interview.chatkit.server.AttachmentOptions;
import com.landki.interview.chatkit.server.ChatKitResult;
import com.landki.interview.chatkit.server.ChatKitServer;
import com.landki.interview.chatkit.server.Sse;
import com.landki.interview.chatkit.server.agent.internal.AttachmentParts;
import com.landki.interview.chatkit.server.store.AttachmentStore;
import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.chatkit.server.types.Attachment;
import com.landki.interview.chatkit.server.types.InferenceOptions;
import com.landki.interview.chatkit.server.types.RequestContext;
import com.landki.interview.chatkit.server.types.ThreadItem;
import com.landki.interview.chatkit.server.types.UserContent;
import com.landki.interview.chatkit.server.types.UserMessageItem;
import com.landki.interview.openai.OpenAiConfig;
import com.landki.interview.openai.OpenAiHttp;
import com.landki.interview.testing.ResponsesStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Attachments as the Responses API expects them: images as input_image, files as input_file, text inline. */
@Timeout(20)
class ResponsesAgentAttachmentsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final RequestContext ALICE = new RequestContext("user-alice",
            Map.of(RequestContext.ENDPOINT_URL, "http://127.0.0.1/interview/api/chatkit"));
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3};
    private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MARKDOWN = "# Stelle\n\nJava, Kotlin".getBytes(StandardCharsets.UTF_8);

    @StartStop
    private final MockWebServer upstream = new MockWebServer();

    private final ChatKitServer server() {
        OpenAiConfig config = OpenAiConfig.builder().apiKey("sk-test").baseUrl(upstream.url("/v1").toString()).build();
        return ChatKitServer.builder().store(ThreadStore.inMemory())
                .responder(ResponsesAgent.builder().openAi(OpenAiHttp.create(config)).model("gpt-test").build())
                .attachments(AttachmentStore.inMemory(), AttachmentOptions.defaults()).build();
    }

    @Test
    void imagesGoAsInputImageFilesAsInputFileAndTextFilesAsText() throws Exception {
        ChatKitServer server = server();
        String image = upload(server, "foto.png", "image/png", PNG);
        String pdf = upload(server, "lebenslauf.pdf", "application/pdf", PDF);
        String markdown = upload(server, "stelle.md", "text/markdown", MARKDOWN);
        upstream.enqueue(ResponsesStream.create("resp_1").message("m", "Gut").messageDone("m", "Gut")
                .completed("resp_1").response());

        List<JsonNode> events = stream(server, "{\"type\":\"threads.create\",\"params\":{\"input\":{\"content\":[{"
                + "\"type\":\"input_text\",\"text\":\"Passt der Lebenslauf?\"}],\"attachments\":[\"" + image + "\",\""
                + pdf + "\",\"" + markdown + "\"],\"inference_options\":{}}}}");

        assertThat(Sse.types(events)).doesNotContain("error");
        JsonNode content = MAPPER.readTree(upstream.takeRequest().getBody().utf8()).get("input").get(0).get("content");
        assertThat(content).hasSize(4);
        assertThat(content.get(0).get("type").asText()).isEqualTo("input_text");
        assertThat(content.get(0).get("text").asText()).isEqualTo("Passt der Lebenslauf?");
        assertThat(content.get(1).get("type").asText()).isEqualTo("input_image");
        assertThat(content.get(1).get("image_url").asText())
                .isEqualTo("data:image/png;base64," + Base64.getEncoder().encodeToString(PNG));
        assertThat(content.get(1).get("detail").asText()).isEqualTo("auto");
        assertThat(content.get(2).get("type").asText()).isEqualTo("input_file");
        assertThat(content.get(2).get("filename").asText()).isEqualTo("lebenslauf.pdf");
        assertThat(content.get(2).get("file_data").asText())
                .isEqualTo("data:application/pdf;base64," + Base64.getEncoder().encodeToString(PDF));
        assertThat(content.get(3).get("type").asText()).isEqualTo("input_text");
        assertThat(content.get(3).get("text").asText()).contains("stelle.md").endsWith("# Stelle\n\nJava, Kotlin");
    }

    @Test
    void aDeletedAttachmentIsNamedInsteadOfSentOnTheNextTurn() throws Exception {
        ChatKitServer server = server();
        String pdf = upload(server, "lebenslauf.pdf", "application/pdf", PDF);
        upstream.enqueue(ResponsesStream.create("resp_1").message("m", "Gut").messageDone("m", "Gut")
                .completed("resp_1").response());
        upstream.enqueue(ResponsesStream.create("resp_2").message("m", "Ja").messageDone("m", "Ja")
                .completed("resp_2").response());
        String threadId = stream(server, "{\"type\":\"threads.create\",\"params\":{\"input\":{\"content\":[{"
                + "\"type\":\"input_text\",\"text\":\"Lies\"}],\"attachments\":[\"" + pdf + "\"],"
                + "\"inference_options\":{}}}}").get(0).get("thread").get("id").asText();
        upstream.takeRequest();
        server.process(("{\"type\":\"attachments.delete\",\"params\":{\"attachment_id\":\"" + pdf + "\"}}")
                .getBytes(StandardCharsets.UTF_8), ALICE);

        stream(server, "{\"type\":\"threads.add_user_message\",\"params\":{\"thread_id\":\"" + threadId
                + "\",\"input\":{\"content\":[{\"type\":\"input_text\",\"text\":\"Noch da?\"}],\"attachments\":[],"
                + "\"inference_options\":{}}}}");

        JsonNode input = MAPPER.readTree(upstream.takeRequest().getBody().utf8()).get("input");
        String first = input.get(0).get("content").toString();
        assertThat(first).contains("lebenslauf.pdf").doesNotContain("file_data").doesNotContain("base64");
        assertThat(input.get(2).get("content").asText()).isEqualTo("Noch da?");
    }

    @Test
    void theNewestAttachmentsAreInlinedUpToTheBudgetOlderOnesAreNamed() {
        int eightMiB = 8 * 1024 * 1024;
        List<ThreadItem> history = List.of(message("msg_1", "att_old"), message("msg_2", "att_mid"),
                message("msg_3", "att_new"));

        Map<String, byte[]> inline = AttachmentParts.inline(history, a -> Optional.of(new byte[eightMiB]));

        assertThat(inline).containsOnlyKeys("att_new", "att_mid");
        assertThat(2L * eightMiB).isLessThanOrEqualTo(AttachmentParts.MAX_INLINE_BYTES);
    }

    private static UserMessageItem message(String id, String attachmentId) {
        Attachment file = new Attachment(Attachment.FILE, attachmentId, attachmentId + ".pdf", "application/pdf",
                null, "thr_1", null);
        return new UserMessageItem(id, "thr_1", Instant.EPOCH, List.of(UserContent.text("?")), List.of(file), null,
                InferenceOptions.none());
    }

    private static String upload(ChatKitServer server, String name, String type, byte[] bytes) throws IOException {
        ChatKitResult created = server.process(("{\"type\":\"attachments.create\",\"params\":{\"name\":\"" + name
                + "\",\"size\":" + bytes.length + ",\"mime_type\":\"" + type + "\"}}").getBytes(StandardCharsets.UTF_8),
                ALICE);
        String id = MAPPER.readTree(created.json()).get("id").asText();
        server.uploadAttachment(ALICE, id, bytes);
        return id;
    }

    private static List<JsonNode> stream(ChatKitServer server, String request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        server.process(request.getBytes(StandardCharsets.UTF_8), ALICE).writeTo(out);
        return Sse.events(out.toByteArray());
    }
}

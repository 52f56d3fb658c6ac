package com.landki.interview.chatkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.landki.interview.chatkit.server.store.AttachmentStore;
import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.chatkit.server.types.Attachment;
import com.landki.interview.chatkit.server.types.ChatKitException;
import com.landki.interview.chatkit.server.types.RequestContext;
import com.landki.interview.chatkit.server.types.UserMessageItem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Attachments through the protocol: create, upload, use in a message, delete, preview, cleanup, and every refusal. */
class ChatKitServerAttachmentsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ENDPOINT = "https://chat.example/interview/api/chatkit";
    private static final RequestContext ALICE = new RequestContext("user-alice",
            Map.of(RequestContext.ENDPOINT_URL, ENDPOINT));
    private static final RequestContext BOB = new RequestContext("user-bob",
            Map.of(RequestContext.ENDPOINT_URL, ENDPOINT));
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private final MovingClock clock = new MovingClock();
    private final ThreadStore threads = ThreadStore.inMemory();
    private final AttachmentStore files = AttachmentStore.inMemory();
    private final ScriptedResponder responder = new ScriptedResponder();
    private final ChatKitServer server = ChatKitServer.builder().store(threads).responder(responder).clock(clock)
            .attachments(files, AttachmentOptions.builder().maxBytes(1024).unusedAfter(Duration.ofHours(2)).build())
            .build();

    @Test
    void createAnswersAnImageAttachmentWithUploadDescriptorAndPreviewOnThisServer() {
        JsonNode image = json(ALICE, create("foto.png", 16, "image/png"));

        String id = image.get("id").asText();
        assertThat(id).startsWith("att_");
        assertThat(image.get("type").asText()).isEqualTo("image");
        assertThat(image.get("name").asText()).isEqualTo("foto.png");
        assertThat(image.get("mime_type").asText()).isEqualTo("image/png");
        JsonNode upload = image.get("upload_descriptor");
        assertThat(upload.get("url").asText()).isEqualTo(ENDPOINT + "/attachments/" + id + "/upload");
        assertThat(upload.get("method").asText()).isEqualTo("POST");
        assertThat(upload.get("headers").isObject()).isTrue();
        assertThat(image.get("preview_url").asText()).isEqualTo(ENDPOINT + "/attachments/" + id + "/preview");
        assertThat(image.has("thread_id")).isFalse();
        assertThat(image.has("upload_url")).as("replaced by upload_descriptor in chatkit-python 1.5").isFalse();
    }

    @Test
    void createAnswersAFileAttachmentWithoutPreviewAndNormalisesTheType() {
        JsonNode file = json(ALICE, create("C:\\\\Users\\\\a\\\\lebenslauf.pdf", 100, "Application/PDF; x=1"));

        assertThat(file.get("type").asText()).isEqualTo("file");
        assertThat(file.get("name").asText()).isEqualTo("lebenslauf.pdf");
        assertThat(file.get("mime_type").asText()).isEqualTo("application/pdf");
        assertThat(file.has("preview_url")).isFalse();
    }

    @Test
    void createRefusesATooLargeFileAndATypeOutsideTheAllowlist() {
        refused(() -> json(ALICE, create("gross.pdf", 1025, "application/pdf")), "payload_too_large", 413);
        refused(() -> json(ALICE, create("tabelle.xlsx", 10,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")), "unsupported_media_type", 415);
        refused(() -> json(ALICE, "{\"type\":\"attachments.create\",\"params\":{\"name\":\"a.pdf\",\"mime_type\":"
                + "\"application/pdf\"}}"), "validation_failed", 400);
    }

    @Test
    void uploadStoresTheBytesAndAnswersTheAttachmentWithoutDescriptor() throws IOException {
        String id = json(ALICE, create("foto.png", 16, "image/png")).get("id").asText();

        JsonNode uploaded = MAPPER.readTree(server.uploadAttachment(ALICE, id, PNG));

        assertThat(uploaded.get("id").asText()).isEqualTo(id);
        assertThat(uploaded.has("upload_descriptor")).isFalse();
        assertThat(files.loadContent("user-alice", id)).hasValueSatisfying(b -> assertThat(b).isEqualTo(PNG));
        assertThat(server.attachmentPreview(ALICE, id).bytes()).isEqualTo(PNG);
        assertThat(server.attachmentPreview(ALICE, id).mimeType()).isEqualTo("image/png");
    }

    @Test
    void uploadRefusesBytesThatAreNotTheDeclaredTypeAndTooManyBytes() {
        String png = json(ALICE, create("foto.png", 16, "image/png")).get("id").asText();
        String text = json(ALICE, create("notiz.txt", 4, "text/plain")).get("id").asText();

        refused(() -> server.uploadAttachment(ALICE, png, PDF), "unsupported_media_type", 415);
        refused(() -> server.uploadAttachment(ALICE, text, new byte[] {'a', 0, 'b'}), "unsupported_media_type", 415);
        refused(() -> server.uploadAttachment(ALICE, text, new byte[] {(byte) 0xc3, 0x28}), "unsupported_media_type", 415);
        refused(() -> server.uploadAttachment(ALICE, png, new byte[1025]), "payload_too_large", 413);
        assertThat(files.loadContent("user-alice", png)).isEmpty();
    }

    @Test
    void uploadWithoutCreateForAnotherUserOrTwiceIsRefused() {
        String id = json(ALICE, create("foto.png", 16, "image/png")).get("id").asText();

        refused(() -> server.uploadAttachment(ALICE, "att_00000000000000000000", PNG), "not_found", 404);
        refused(() -> server.uploadAttachment(BOB, id, PNG), "not_found", 404);
        server.uploadAttachment(ALICE, id, PNG);
        refused(() -> server.uploadAttachment(ALICE, id, PNG), "already_uploaded", 409);
        refused(() -> server.attachmentPreview(BOB, id), "not_found", 404);
    }

    @Test
    void theUserMessageCarriesTheAttachmentsWithTheThreadIdAndTheResponderGetsTheirBytes() {
        String image = uploaded(ALICE, "foto.png", "image/png", PNG);
        String pdf = uploaded(ALICE, "cv.pdf", "application/pdf", PDF);

        List<JsonNode> events = stream(ALICE, createThread("Was steht im Lebenslauf?", image, pdf));

        String threadId = events.get(0).get("thread").get("id").asText();
        JsonNode attachments = events.get(1).get("item").get("attachments");
        assertThat(attachments).hasSize(2);
        assertThat(attachments.get(0).get("type").asText()).isEqualTo("image");
        assertThat(attachments.get(0).get("id").asText()).isEqualTo(image);
        assertThat(attachments.get(0).get("thread_id").asText()).isEqualTo(threadId);
        assertThat(attachments.get(0).get("preview_url").asText()).endsWith("/attachments/" + image + "/preview");
        assertThat(attachments.get(0).has("upload_descriptor")).isFalse();
        assertThat(attachments.get(1).get("type").asText()).isEqualTo("file");
        assertThat(attachments.get(1).get("name").asText()).isEqualTo("cv.pdf");
        assertThat(files.load("user-alice", pdf).orElseThrow().threadId()).isEqualTo(threadId);

        UserMessageItem input = responder.turns.get(0).input();
        assertThat(input.attachments()).extracting(Attachment::id).containsExactly(image, pdf);
        assertThat(responder.turns.get(0).attachmentContent(input.attachments().get(1)))
                .hasValueSatisfying(b -> assertThat(b).isEqualTo(PDF));
        JsonNode read = json(ALICE, "{\"type\":\"items.list\",\"params\":{\"thread_id\":\"" + threadId
                + "\",\"order\":\"asc\"}}");
        assertThat(read.get("data").get(0).get("attachments").get(1).get("id").asText()).isEqualTo(pdf);
    }

    @Test
    void aMessageMayBeJustAnAttachment() {
        String pdf = uploaded(ALICE, "cv.pdf", "application/pdf", PDF);

        List<JsonNode> events = stream(ALICE, "{\"type\":\"threads.create\",\"params\":{\"input\":{\"content\":[],"
                + "\"attachments\":[\"" + pdf + "\"],\"inference_options\":{}}}}");

        assertThat(events.get(1).get("item").get("attachments").get(0).get("id").asText()).isEqualTo(pdf);
    }

    @Test
    void anotherUsersAttachmentIsRefusedLikeAMissingOneAndNeverReachesTheResponder() {
        String alices = uploaded(ALICE, "cv.pdf", "application/pdf", PDF);

        refused(() -> server.process(bytes(createThread("Lies das", alices)), BOB), "not_found", 404);
        refused(() -> server.process(bytes(createThread("Lies das", "att_ffffffffffffffffffffffff")), ALICE),
                "not_found", 404);
        assertThat(responder.turns).isEmpty();
        assertThat(files.load("user-alice", alices).orElseThrow().threadId()).isNull();
    }

    @Test
    void anAttachmentWithoutUploadOrAlreadyDeletedIsRefused() {
        String pending = json(ALICE, create("cv.pdf", 10, "application/pdf")).get("id").asText();
        refused(() -> server.process(bytes(createThread("Lies das", pending)), ALICE), "validation_failed", 400);

        String deleted = uploaded(ALICE, "cv.pdf", "application/pdf", PDF);
        assertThat(json(ALICE, delete(deleted)).isEmpty()).isTrue();
        refused(() -> server.process(bytes(createThread("Lies das", deleted)), ALICE), "not_found", 404);
        refused(() -> json(ALICE, delete(deleted)), "not_found", 404);
        assertThat(files.load("user-alice", deleted)).isEmpty();
        assertThat(responder.turns).isEmpty();
    }

    @Test
    void deleteOfAnotherUsersAttachmentIsNotFoundAndKeepsIt() {
        String id = uploaded(ALICE, "cv.pdf", "application/pdf", PDF);

        refused(() -> json(BOB, delete(id)), "not_found", 404);

        assertThat(files.loadContent("user-alice", id)).isPresent();
    }

    @Test
    void anAttachmentSentInOneThreadIsRefusedInAnother() {
        String pdf = uploaded(ALICE, "cv.pdf", "application/pdf", PDF);
        stream(ALICE, createThread("eins", pdf));

        refused(() -> server.process(bytes(createThread("zwei", pdf)), ALICE), "validation_failed", 400);
    }

    @Test
    void deletingTheThreadDeletesItsAttachments() {
        String pdf = uploaded(ALICE, "cv.pdf", "application/pdf", PDF);
        String unused = uploaded(ALICE, "other.pdf", "application/pdf", PDF);
        String threadId = stream(ALICE, createThread("eins", pdf)).get(0).get("thread").get("id").asText();

        json(ALICE, "{\"type\":\"threads.delete\",\"params\":{\"thread_id\":\"" + threadId + "\"}}");

        assertThat(files.load("user-alice", pdf)).isEmpty();
        assertThat(files.load("user-alice", unused)).isPresent();
    }

    @Test
    void unusedAttachmentsAreSweptAfterTheConfiguredTimeUsedOnesStay() {
        String used = uploaded(ALICE, "cv.pdf", "application/pdf", PDF);
        String unused = uploaded(ALICE, "other.pdf", "application/pdf", PDF);
        stream(ALICE, createThread("eins", used));

        clock.advance(Duration.ofMinutes(119));
        json(ALICE, create("later.pdf", 10, "application/pdf"));
        assertThat(files.load("user-alice", unused)).as("younger than two hours").isPresent();

        clock.advance(Duration.ofMinutes(11));
        json(ALICE, create("later2.pdf", 10, "application/pdf"));
        assertThat(files.load("user-alice", unused)).as("swept by the next create").isEmpty();
        assertThat(files.load("user-alice", used)).isPresent();
    }

    @Test
    void retentionErasesOldThreadsWithEveryAttachmentTheyCarriedAndTheCleanUpSweepsUnusedOnes() {
        String first = uploaded(ALICE, "alt.pdf", "application/pdf", PDF);
        String oldThread = stream(ALICE, createThread("alt", first)).get(0).get("thread").get("id").asText();
        clock.advance(Duration.ofDays(3));
        String late = uploaded(ALICE, "spaet.pdf", "application/pdf", PDF);
        stream(ALICE, "{\"type\":\"threads.add_user_message\",\"params\":{\"thread_id\":\"" + oldThread
                + "\",\"input\":{\"content\":[{\"type\":\"input_text\",\"text\":\"noch\"}],\"attachments\":[\""
                + late + "\"],\"inference_options\":{}}}}");
        String fresh = uploaded(BOB, "neu.png", "image/png", PNG);
        String newThread = stream(BOB, createThread("neu", fresh)).get(0).get("thread").get("id").asText();
        String stray = uploaded(BOB, "liegen.pdf", "application/pdf", PDF);
        clock.advance(Duration.ofDays(4));

        assertThat(server.cleanUp(Duration.ZERO)).as("no retention: threads stay").isZero();
        assertThat(files.load("user-bob", stray)).as("unused for four days, over the two hours").isEmpty();
        assertThat(files.load("user-alice", first)).isPresent();

        assertThat(server.cleanUp(Duration.ofDays(5))).isEqualTo(1);

        assertThat(threads.loadThread("user-alice", oldThread)).isEmpty();
        assertThat(files.load("user-alice", first)).isEmpty();
        assertThat(files.load("user-alice", late)).as("sent in the old thread after the cutoff: goes with it")
                .isEmpty();
        assertThat(threads.loadThread("user-bob", newThread)).isPresent();
        assertThat(files.load("user-bob", fresh)).isPresent();
        assertThat(files.loadContent("user-bob", fresh)).contains(PNG);
    }

    @Test
    void withoutAnAttachmentStoreAttachmentsStayNotSupported() {
        ChatKitServer plain = ChatKitServer.builder().store(ThreadStore.inMemory()).responder(responder).build();

        assertThatThrownBy(() -> plain.process(bytes(create("a.pdf", 1, "application/pdf")), ALICE))
                .isInstanceOfSatisfying(ChatKitException.class, e -> assertThat(e.code()).isEqualTo("not_supported"));
        assertThatThrownBy(() -> plain.uploadAttachment(ALICE, "att_1", PDF))
                .isInstanceOfSatisfying(ChatKitException.class, e -> assertThat(e.code()).isEqualTo("not_supported"));
    }

    private String uploaded(RequestContext who, String name, String type, byte[] content) {
        String id = json(who, create(name, content.length, type)).get("id").asText();
        server.uploadAttachment(who, id, content);
        return id;
    }

    private static String create(String name, long size, String type) {
        return "{\"type\":\"attachments.create\",\"params\":{\"name\":\"" + name + "\",\"size\":" + size
                + ",\"mime_type\":\"" + type + "\"}}";
    }

    private static String delete(String id) {
        return "{\"type\":\"attachments.delete\",\"params\":{\"attachment_id\":\"" + id + "\"}}";
    }

    private static String createThread(String text, String... attachmentIds) {
        String ids = String.join("\",\"", attachmentIds);
        return "{\"type\":\"threads.create\",\"params\":{\"input\":{\"content\":[{\"type\":\"input_text\",\"text\":\""
                + text + "\"}],\"attachments\":[\"" + ids + "\"],\"inference_options\":{}}}}";
    }

    private static void refused(ThrowingCallable call, String code, int status) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ChatKitException.class, e -> {
            assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
            assertThat(e.httpStatus()).isEqualTo(status);
        });
    }

    private List<JsonNode> stream(RequestContext who, String request) {
        ChatKitResult result = server.process(bytes(request), who);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        result.writeTo(out);
        List<JsonNode> events = Sse.events(out.toByteArray());
        assertThat(Sse.types(events)).doesNotContain("error");
        return events;
    }

    private JsonNode json(RequestContext who, String request) {
        ChatKitResult result = server.process(bytes(request), who);
        assertThat(result.isStreaming()).isFalse();
        try {
            return MAPPER.readTree(result.json());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-26T03:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

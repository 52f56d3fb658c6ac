package com.landki.interview.chatkit.server;

import static com.landki.interview.chatkit.server.RequestParams.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.landki.interview.chatkit.server.store.AttachmentStore;
import com.landki.interview.chatkit.server.store.StoredAttachment;
import com.landki.interview.chatkit.server.types.Attachment;
import com.landki.interview.chatkit.server.types.AttachmentContent;
import com.landki.interview.chatkit.server.types.ChatKitException;
import com.landki.interview.chatkit.server.types.RequestContext;
import com.landki.interview.chatkit.server.types.UploadDescriptor;
import com.landki.interview.chatkit.server.types.UserMessageItem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attachments: {@code attachments.create} (a record with an upload descriptor on our server), the upload of the
 * bytes (size cap, MIME allowlist, content check), {@code attachments.delete}, the owner-only image preview, and
 * the attachments of a user message (the caller's, uploaded, then tied to the thread). Unused attachments are
 * swept when attachments are created, at most every {@link #SWEEP_EVERY}. Thread-safe.
 */
final class AttachmentRequests {

    /** Path of an attachment's upload endpoint below the protocol endpoint ({@code %s}: the attachment id). */
    static final String UPLOAD_PATH = "/attachments/%s/upload";
    /** Path of an image attachment's preview below the protocol endpoint. */
    static final String PREVIEW_PATH = "/attachments/%s/preview";
    static final String PAYLOAD_TOO_LARGE = "payload_too_large";
    static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
    static final String ALREADY_UPLOADED = "already_uploaded";
    static final Duration SWEEP_EVERY = Duration.ofMinutes(10);
    private static final int MAX_NAME = 255;
    private static final Logger LOG = LoggerFactory.getLogger(AttachmentRequests.class);

    private final ChatKitServer server;
    private final AttachmentStore store;
    private final AttachmentOptions options;
    private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.MIN);

    AttachmentRequests(ChatKitServer server, AttachmentStore store, AttachmentOptions options) {
        this.server = server;
        this.store = store;
        this.options = options;
    }

    Attachment create(RequestContext context, JsonNode params) {
        String name = name(text(params, "name"));
        String mediaType = allowedType(text(params, "mime_type"));
        JsonNode sizeField = params.get("size");
        if (sizeField == null || !sizeField.isIntegralNumber() || !sizeField.canConvertToLong()
                || sizeField.asLong() < 0) {
            throw ChatKitException.validation("params.size", "must be the file's size in bytes");
        }
        long size = sizeField.asLong();
        checkSize(size);
        String endpoint = context.attribute(RequestContext.ENDPOINT_URL);
        if (endpoint == null || endpoint.isBlank()) {
            throw ChatKitException.notSupported("attachments need the endpoint URL (RequestContext.ENDPOINT_URL)");
        }
        sweepIfDue();
        String id = server.newId("att");
        boolean image = mediaType.startsWith("image/");
        Attachment attachment = new Attachment(image ? Attachment.IMAGE : Attachment.FILE, id, name, mediaType,
                UploadDescriptor.post(endpoint + UPLOAD_PATH.formatted(id)), null,
                image ? endpoint + PREVIEW_PATH.formatted(id) : null);
        store.save(new StoredAttachment(attachment, context.userId(), size, server.clock().instant(), false));
        return attachment;
    }

    Map<String, Object> delete(RequestContext context, JsonNode params) {
        String id = text(params, "attachment_id");
        if (!store.delete(context.userId(), id)) {
            throw ChatKitException.notFound("attachment", id);
        }
        return Map.of();
    }

    /** Stores the uploaded bytes of the caller's attachment and answers the attachment without its descriptor. */
    Attachment upload(RequestContext context, String attachmentId, byte[] bytes) {
        StoredAttachment stored = store.load(context.userId(), attachmentId)
                .orElseThrow(() -> ChatKitException.notFound("attachment", attachmentId));
        if (stored.uploaded()) {
            throw new ChatKitException(ALREADY_UPLOADED, 409, "attachment " + attachmentId + " is already uploaded");
        }
        checkSize(bytes.length);
        String type = stored.attachment().mimeType();
        if (bytes.length == 0 || !ContentSniffer.matches(type, bytes)) {
            throw new ChatKitException(UNSUPPORTED_MEDIA_TYPE, 415, "the file's content is not " + type);
        }
        if (!store.saveContent(context.userId(), attachmentId, bytes)) {
            throw ChatKitException.notFound("attachment", attachmentId);
        }
        StoredAttachment done = stored.withContent(bytes.length);
        store.save(done);
        return done.attachment();
    }

    /** The bytes of the caller's uploaded image attachment; anything else is not found. */
    AttachmentContent preview(RequestContext context, String attachmentId) {
        Optional<StoredAttachment> stored = store.load(context.userId(), attachmentId)
                .filter(a -> a.uploaded() && a.attachment().isImage());
        Optional<byte[]> bytes = stored.flatMap(a -> store.loadContent(context.userId(), attachmentId));
        if (bytes.isEmpty()) {
            throw ChatKitException.notFound("attachment", attachmentId);
        }
        Attachment attachment = stored.get().attachment();
        return new AttachmentContent(attachment.mimeType(), attachment.name(), bytes.get());
    }

    /**
     * The attachments a new message in {@code threadId} names: each must be the caller's (another user's id is
     * not found, exactly like a deleted one), uploaded, and not sent in another thread.
     */
    List<Attachment> forMessage(RequestContext context, JsonNode ids, String threadId) {
        if (ids == null || ids.isNull() || ids.isMissingNode()) {
            return List.of();
        }
        if (!ids.isArray()) {
            throw ChatKitException.validation("params.input.attachments", "must be an array of attachment ids");
        }
        Set<String> unique = new LinkedHashSet<>();
        for (JsonNode id : ids) {
            if (!id.isTextual() || id.asText().isBlank()) {
                throw ChatKitException.validation("params.input.attachments", "must be an array of attachment ids");
            }
            unique.add(id.asText());
        }
        if (unique.size() > AttachmentOptions.MAX_PER_MESSAGE) {
            throw ChatKitException.validation("params.input.attachments",
                    "may name at most " + AttachmentOptions.MAX_PER_MESSAGE + " attachments");
        }
        List<Attachment> attachments = new ArrayList<>();
        for (String id : unique) {
            StoredAttachment stored = store.load(context.userId(), id)
                    .orElseThrow(() -> ChatKitException.notFound("attachment", id));
            if (!stored.uploaded()) {
                throw ChatKitException.validation("params.input.attachments", "names " + id
                        + ", whose file was not uploaded");
            }
            if (stored.threadId() != null && !stored.threadId().equals(threadId)) {
                throw ChatKitException.validation("params.input.attachments", "names " + id
                        + ", which was sent in another thread");
            }
            attachments.add(stored.attachment().inThread(threadId));
        }
        return attachments;
    }

    /** Ties the message's attachments to its thread, when the message is stored (thread erasure finds them so). */
    void assign(RequestContext context, UserMessageItem message) {
        for (Attachment attachment : message.attachments()) {
            store.load(context.userId(), attachment.id()).filter(a -> a.threadId() == null)
                    .ifPresent(a -> store.save(a.inThread(message.threadId())));
        }
    }

    Optional<byte[]> content(RequestContext context, Attachment attachment) {
        return store.loadContent(context.userId(), attachment.id());
    }

    /** Erases what the thread's messages carried (the thread is being deleted). */
    int eraseThread(String threadId) {
        return store.eraseThread(threadId);
    }

    /** Erases attachments no message carries that are older than {@link AttachmentOptions#unusedAfter()}. */
    int sweep() {
        Instant now = server.clock().instant();
        lastSweep.set(now);
        int erased = store.eraseUnusedCreatedBefore(now.minus(options.unusedAfter()));
        if (erased > 0) {
            LOG.info("erased {} attachments no message used within {}", erased, options.unusedAfter());
        }
        return erased;
    }

    private void sweepIfDue() {
        Instant now = server.clock().instant();
        Instant last = lastSweep.get();
        if (!last.isAfter(now.minus(SWEEP_EVERY)) && lastSweep.compareAndSet(last, now)) {
            try {
                sweep();
            } catch (RuntimeException e) {
                LOG.warn("sweeping unused attachments failed: {}", e.toString());
            }
        }
    }

    private String allowedType(String mimeType) {
        String mediaType = AttachmentOptions.mediaType(mimeType);
        if (!options.allowedTypes().contains(mediaType)) {
            throw new ChatKitException(UNSUPPORTED_MEDIA_TYPE, 415, "files of type " + mediaType
                    + " are not accepted; allowed: " + String.join(", ", options.allowedTypes()));
        }
        return mediaType;
    }

    private void checkSize(long size) {
        if (size > options.maxBytes()) {
            throw new ChatKitException(PAYLOAD_TOO_LARGE, 413, "the file has " + size + " bytes; at most "
                    + options.maxBytes() + " are accepted");
        }
    }

    /** The last path segment, without control characters, at most {@value #MAX_NAME} characters. */
    private static String name(String raw) {
        String base = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "").strip();
        if (base.isEmpty()) {
            throw ChatKitException.validation("params.name", "must be a file name");
        }
        return base.length() <= MAX_NAME ? base : base.substring(0, MAX_NAME);
    }
}

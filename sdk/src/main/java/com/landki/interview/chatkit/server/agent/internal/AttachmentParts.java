package com.landki.interview.chatkit.server.agent.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.landki.interview.chatkit.server.types.Attachment;
import com.landki.interview.chatkit.server.types.ThreadItem;
import com.landki.interview.chatkit.server.types.UserMessageItem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A user message with attachments as Responses input content: the text first, then per attachment an
 * {@code input_image} (image, inline {@code data:} URL, {@code detail: auto}), the file's text as
 * {@code input_text} (text types), or an {@code input_file} with inline {@code file_data} (PDF and anything
 * else). The bytes are sent inline on every turn, newest messages first, until {@link #MAX_INLINE_BYTES} of a
 * request are used; older or deleted attachments are named in a short text part instead. Stateless.
 */
public final class AttachmentParts {

    /** Raw bytes of attachments inlined into one request at most (base64 makes them 4/3 as large). */
    public static final long MAX_INLINE_BYTES = 20L * 1024 * 1024;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AttachmentParts() {
    }

    /**
     * The bytes to inline per attachment id for {@code history} (oldest first): newest messages first while
     * the budget lasts; ids missing from the map are sent as a note.
     */
    public static Map<String, byte[]> inline(List<ThreadItem> history, Function<Attachment, Optional<byte[]>> loader) {
        List<ThreadItem> newestFirst = new ArrayList<>(history);
        Collections.reverse(newestFirst);
        Map<String, byte[]> chosen = new HashMap<>();
        long used = 0;
        for (ThreadItem item : newestFirst) {
            if (!(item instanceof UserMessageItem user)) {
                continue;
            }
            for (Attachment attachment : user.attachments()) {
                if (chosen.containsKey(attachment.id())) {
                    continue;
                }
                Optional<byte[]> bytes = loader.apply(attachment);
                if (bytes.isPresent() && used + bytes.get().length <= MAX_INLINE_BYTES) {
                    used += bytes.get().length;
                    chosen.put(attachment.id(), bytes.get());
                }
            }
        }
        return chosen;
    }

    /** The content array of one user message: {@code text} (if any), then its attachments. */
    public static ArrayNode content(String text, List<Attachment> attachments, Map<String, byte[]> inline) {
        ArrayNode content = JSON.arrayNode();
        if (text != null && !text.isEmpty()) {
            content.addObject().put("type", "input_text").put("text", text);
        }
        for (Attachment attachment : attachments) {
            byte[] bytes = inline.get(attachment.id());
            String name = attachment.name() == null ? attachment.id() : attachment.name();
            if (bytes == null) {
                content.addObject().put("type", "input_text")
                        .put("text", "[Anhang „" + name + "“ – in dieser Anfrage nicht mitgesendet]");
            } else {
                content.add(part(attachment, name, bytes));
            }
        }
        return content;
    }

    private static ObjectNode part(Attachment attachment, String name, byte[] bytes) {
        String type = attachment.mimeType();
        if (attachment.isImage()) {
            return JSON.objectNode().put("type", "input_image").put("image_url", dataUrl(type, bytes))
                    .put("detail", "auto");
        }
        if (type.startsWith("text/")) {
            return JSON.objectNode().put("type", "input_text").put("text", "Anhang „" + name + "“ (" + type
                    + "):\n\n" + new String(bytes, StandardCharsets.UTF_8));
        }
        return JSON.objectNode().put("type", "input_file").put("filename", name).put("file_data", dataUrl(type, bytes));
    }

    private static String dataUrl(String mimeType, byte[] bytes) {
        return "data:" + mimeType + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }
}

package com.landki.interview.chatkit.server.types.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.landki.interview.chatkit.server.types.ThreadItemUpdate;
import com.landki.interview.chatkit.server.types.ThreadStreamEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Events as Server-Sent Events frames ({@code data: {json}\n\n}). A text delta, nearly every event of an
 * answer, is written field by field with the protocol mapper's own generator (the same bytes databind writes,
 * {@code SseFramesTest}); databind's per-value serializer lookup and the frame copy were the largest part of
 * a delta's CPU under load (docs/benchmarks.md). Every other event goes through {@link ProtocolJson#write}.
 * Thread-safe.
 */
public final class SseFrames {

    private static final byte[] PREFIX = "data: ".getBytes(StandardCharsets.US_ASCII);

    private SseFrames() {
    }

    /** {@code event} as one frame: {@code data: }, its JSON, a blank line. */
    public static byte[] frame(ThreadStreamEvent event) {
        if (event instanceof ThreadStreamEvent.ThreadItemUpdated updated && updated.itemId() != null
                && updated.update() instanceof ThreadItemUpdate.TextDelta delta && delta.delta() != null) {
            return textDelta(updated.itemId(), delta);
        }
        byte[] json = ProtocolJson.write(event);
        byte[] frame = new byte[PREFIX.length + json.length + 2];
        System.arraycopy(PREFIX, 0, frame, 0, PREFIX.length);
        System.arraycopy(json, 0, frame, PREFIX.length, json.length);
        frame[frame.length - 2] = '\n';
        frame[frame.length - 1] = '\n';
        return frame;
    }

    private static byte[] textDelta(String itemId, ThreadItemUpdate.TextDelta delta) {
        ByteArrayBuilder out = new ByteArrayBuilder(PREFIX.length + itemId.length() + delta.delta().length() + 128);
        out.write(PREFIX, 0, PREFIX.length);
        try (JsonGenerator g = ProtocolJson.mapper().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "thread.item.updated");
            g.writeStringField("item_id", itemId);
            g.writeObjectFieldStart("update");
            g.writeStringField("type", delta.type());
            g.writeNumberField("content_index", delta.contentIndex());
            g.writeStringField("delta", delta.delta());
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        out.write('\n');
        out.write('\n');
        return out.toByteArray();
    }
}

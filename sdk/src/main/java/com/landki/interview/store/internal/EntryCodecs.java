package com.landki.interview.store.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectReader;
import com.landki.interview.internal.IsoInstants;
import com.landki.interview.store.ChatEvent;
import com.landki.interview.store.FeedbackEntry;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Line codecs for the two entry types. Encoding writes the fields straight to a streaming generator — the
 * same JSON that databind makes from the records' annotations (a test holds them equal), without reflection,
 * because encoding is most of an append's CPU time. Decoding uses databind. Thread-safe.
 */
final class EntryCodecs {

    private static final JsonFactory FACTORY = Json.MAPPER.getFactory();

    private EntryCodecs() {
    }

    static final JsonlLog.Codec<FeedbackEntry> FEEDBACK = new Base<>(FeedbackEntry.class) {
        @Override
        void fields(FeedbackEntry e, JsonGenerator g) throws IOException {
            str(g, "id", e.id());
            str(g, "ts", e.ts() == null ? null : IsoInstants.format(e.ts()));
            str(g, "kind", e.kind());
            str(g, "session_id", e.sessionId());
            str(g, "user_question", e.userQuestion());
            str(g, "assistant_reply", e.assistantReply());
            str(g, "category", e.category());
            str(g, "comment", e.comment());
            if (e.rating() != null) {
                g.writeNumberField("rating", e.rating());
            }
            str(g, "reason", e.reason());
            str(g, "ip", e.ip());
        }

        @Override
        public FeedbackEntry decode(byte[] buf, int off, int len) throws IOException {
            FeedbackEntry e = super.decode(buf, off, len);
            // lines from the original FastAPI server have no kind: they are all public feedback
            return e.kind() != null ? e : new FeedbackEntry(e.id(), e.ts(), FeedbackEntry.KIND_PUBLIC, e.sessionId(),
                    e.userQuestion(), e.assistantReply(), e.category(), e.comment(), e.rating(), e.reason(), e.ip());
        }
    };

    static final JsonlLog.Codec<ChatEvent> CHAT = new Base<>(ChatEvent.class) {
        @Override
        void fields(ChatEvent e, JsonGenerator g) throws IOException {
            str(g, "id", e.id());
            str(g, "ts", e.ts() == null ? null : IsoInstants.format(e.ts()));
            str(g, "type", e.type());
            str(g, "session_id", e.sessionId());
            str(g, "thread_id", e.threadId());
            str(g, "user_hash", e.userHash());
            str(g, "ip", e.ip());
            if (e.latencyMs() != null) {
                g.writeNumberField("latency_ms", e.latencyMs());
            }
            if (e.upstreamStatus() != null) {
                g.writeNumberField("upstream_status", e.upstreamStatus());
            }
            str(g, "upstream_request_id", e.upstreamRequestId());
            str(g, "question", e.question());
            str(g, "answer", e.answer());
            if (e.outOfScope() != null) {
                g.writeBooleanField("out_of_scope", e.outOfScope());
            }
            str(g, "source", e.source());
            str(g, "marker", e.marker());
            str(g, "error", e.error());
        }
    };

    @SuppressWarnings("unchecked")
    static <T> JsonlLog.Codec<T> forKind(EntryKind<T> kind) {
        return (JsonlLog.Codec<T>) (kind == EntryKind.FEEDBACK ? FEEDBACK : CHAT);
    }

    private abstract static class Base<T> implements JsonlLog.Codec<T> {
        private final ObjectReader reader;

        Base(Class<T> type) {
            this.reader = Json.MAPPER.readerFor(type);
        }

        abstract void fields(T value, JsonGenerator g) throws IOException;

        static void str(JsonGenerator g, String name, String value) throws IOException {
            if (value != null) {
                g.writeStringField(name, value);
            }
        }

        @Override
        public byte[] encode(T value) {
            try (ByteArrayBuilder out = new ByteArrayBuilder(512)) {
                try (JsonGenerator g = FACTORY.createGenerator(out)) {
                    g.writeStartObject();
                    fields(value, g);
                    g.writeEndObject();
                }
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public T decode(byte[] buf, int off, int len) throws IOException {
            return reader.readValue(buf, off, len);
        }
    }
}

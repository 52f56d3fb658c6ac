package com.landki.interview.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.landki.interview.store.ChatEvent;
import com.landki.interview.store.FeedbackEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EntryCodecsTest {

    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final Instant TS = Instant.parse("2026-11-26T03:20:47.123456Z");
    private static final String HOSTILE = "\"quoted\", comma\r\nnew line \t tab \\ backslash 😀 </script> \u2028";

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void feedbackLinesAreWhatDatabindWritesFromTheRecordAnnotations() throws IOException {
        FeedbackEntry full = new FeedbackEntry("fb_1", TS, "admin", "s", HOSTILE, "a", "c", "comment", 4, "r", "ip");
        FeedbackEntry sparse = FeedbackEntry.publicFeedback("s", null, null, null, null, null).withIdAndTs("fb_2", TS);

        for (FeedbackEntry e : new FeedbackEntry[] {full, sparse}) {
            byte[] line = EntryCodecs.FEEDBACK.encode(e);
            assertThat(new String(line, StandardCharsets.UTF_8)).isEqualTo(utf8(PLAIN.writeValueAsBytes(e)));
            assertThat(EntryCodecs.FEEDBACK.decode(line, 0, line.length)).isEqualTo(e);
        }
    }

    @Test
    void chatEventLinesAreWhatDatabindWritesFromTheRecordAnnotations() throws IOException {
        ChatEvent full = ChatEvent.builder(ChatEvent.RESPONSE_CLASSIFIED).id("ev_1").ts(TS).sessionId("s")
                .threadId("t").userHash("h").ip("ip").latencyMs(12).upstreamStatus(200).upstreamRequestId("req")
                .question(HOSTILE).answer("a").outOfScope(false).source("none").marker("m").error("e").build();
        ChatEvent sparse = ChatEvent.builder(ChatEvent.SESSION_FAILED).id("ev_2").ts(TS).build();

        for (ChatEvent e : new ChatEvent[] {full, sparse}) {
            byte[] line = EntryCodecs.CHAT.encode(e);
            assertThat(new String(line, StandardCharsets.UTF_8)).isEqualTo(utf8(PLAIN.writeValueAsBytes(e)))
                    .doesNotContain("\n");
            assertThat(EntryCodecs.CHAT.decode(line, 0, line.length)).isEqualTo(e);
        }
    }
}

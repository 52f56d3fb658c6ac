package com.landki.interview.chatkit.server.types.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.landki.interview.chatkit.server.types.ThreadItemUpdate;
import com.landki.interview.chatkit.server.types.ThreadStreamEvent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SseFramesTest {

    @Test
    void aTextDeltaFrameHasExactlyTheBytesDatabindWritesWhateverTheText() {
        for (String text : new String[] {"Hallo", "", "Zitat: \"so\" \\ und / Ende", "Zeile\nzwei\tTab\r",
                "Steuer\u0001\u001f\u007f", "Umlaute äöüß € 😀", "\u2028\u2029", "<script>&</script>",
                "x".repeat(10_000)}) {
            for (int index : new int[] {0, 3}) {
                ThreadStreamEvent event = new ThreadStreamEvent.ThreadItemUpdated("msg_1\"2",
                        new ThreadItemUpdate.TextDelta(index, text));
                String expected = "data: " + new String(ProtocolJson.write(event), StandardCharsets.UTF_8) + "\n\n";
                assertThat(new String(SseFrames.frame(event), StandardCharsets.UTF_8)).as(text).isEqualTo(expected);
            }
        }
    }

    @Test
    void otherEventsAreFramedFromTheirDatabindJson() {
        ThreadStreamEvent event = new ThreadStreamEvent.ThreadItemUpdated("msg_1",
                new ThreadItemUpdate.AnnotationAdded(0, 1, null));
        String frame = new String(SseFrames.frame(event), StandardCharsets.UTF_8);
        assertThat(frame).isEqualTo("data: " + new String(ProtocolJson.write(event), StandardCharsets.UTF_8) + "\n\n");
        assertThat(frame).startsWith("data: {\"type\":\"thread.item.updated\"").endsWith("}\n\n");
    }
}

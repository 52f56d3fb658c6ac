package com.landki.interview.chatkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.landki.interview.chatkit.server.types.Annotation;
import com.landki.interview.chatkit.server.types.AssistantContent;
import com.landki.interview.chatkit.server.types.AssistantMessageItem;
import com.landki.interview.chatkit.server.types.ThreadItemUpdate;
import com.landki.interview.chatkit.server.types.ThreadStreamEvent;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a cancelled answer keeps is the text the page saw, built without copying it per delta. */
class PendingItemsTest {

    private static final String ID = "msg_1";

    @Test
    void keepsTheTextPartsAndAnnotationsThePageSaw() {
        PendingItems pending = new PendingItems();
        pending.track(new ThreadStreamEvent.ThreadItemAdded(new AssistantMessageItem(ID, "thr_1", Instant.EPOCH, List.of())));
        pending.track(update(new ThreadItemUpdate.ContentPartAdded(0, AssistantContent.of("", List.of()))));
        pending.track(update(new ThreadItemUpdate.TextDelta(0, "Laut ")));
        pending.track(update(new ThreadItemUpdate.TextDelta(0, "Leitfaden")));
        Annotation citation = Annotation.of(Annotation.Source.file("leitfaden.pdf"), 3);
        pending.track(update(new ThreadItemUpdate.AnnotationAdded(0, 0, citation)));
        pending.track(update(new ThreadItemUpdate.TextDelta(1, "Zweiter Teil")));

        AssistantMessageItem kept = pending.messagesWithText().get(0);
        assertThat(kept.content()).extracting(AssistantContent::text).containsExactly("Laut Leitfaden", "Zweiter Teil");
        assertThat(kept.content().get(0).annotations()).containsExactly(citation);

        pending.track(update(new ThreadItemUpdate.ContentPartDone(0, AssistantContent.of("Endgültig", List.of()))));
        assertThat(pending.messagesWithText().get(0).content().get(0).text()).isEqualTo("Endgültig");
        pending.track(new ThreadStreamEvent.ThreadItemDone(kept));
        assertThat(pending.messagesWithText()).isEmpty();
    }

    /**
     * Allocation, not time, as the measure: following four times the deltas must allocate about four times the
     * bytes. Rebuilding the message per delta copied the text so far each time, sixteen times the bytes.
     */
    @Test
    void followingAnAnswerCostsInProportionToItsLength() {
        track(2_000); // warm-up, so both measured runs are compiled alike
        long small = allocatedWhileTracking(2_000);
        long large = allocatedWhileTracking(8_000);

        assertThat((double) large / small).as("bytes allocated for 8,000 deltas / for 2,000").isLessThan(8.0);
    }

    private static long allocatedWhileTracking(int deltas) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        track(deltas);
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    private static void track(int deltas) {
        PendingItems pending = new PendingItems();
        pending.track(new ThreadStreamEvent.ThreadItemAdded(new AssistantMessageItem(ID, "thr_1", Instant.EPOCH, List.of())));
        for (int i = 0; i < deltas; i++) {
            pending.track(update(new ThreadItemUpdate.TextDelta(0, "Wort " + (i % 10) + " ")));
        }
        assertThat(pending.messagesWithText().get(0).text()).hasSize(deltas * 7);
    }

    private static ThreadStreamEvent update(ThreadItemUpdate update) {
        return new ThreadStreamEvent.ThreadItemUpdated(ID, update);
    }
}

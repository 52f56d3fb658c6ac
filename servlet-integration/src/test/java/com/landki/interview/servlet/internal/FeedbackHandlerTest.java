package com.landki.interview.servlet.internal;

import static com.landki.interview.servlet.internal.HandlerFixtures.CALLER;
import static com.landki.interview.servlet.internal.HandlerFixtures.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.landki.interview.store.FeedbackEntry;
import com.landki.interview.store.InterviewStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedbackHandlerTest {

    private final InterviewStore store = InterviewStore.inMemory();
    private final ApiMetrics metrics = HandlerFixtures.metrics();
    private final FeedbackHandler handler = new FeedbackHandler(store, List.of("out_of_scope", "other"), metrics);

    @Test
    void storesTheOriginalPublicFeedbackWithTheAnonymizedIp() {
        ApiResponse res = handler.submitPublic(body(
                "{\"session_id\":\"demo\",\"user_question\":\"Q?\",\"assistant_reply\":\"A\",\"comment\":\"c\"}"), CALLER);
        assertThat(res.status()).isEqualTo(201);
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) res.body();
        assertThat((String) out.get("id")).startsWith("fb_");
        FeedbackEntry stored = store.feedback().newest(1).get(0);
        assertThat(stored.category()).isEqualTo("out_of_scope");
        assertThat(stored.kind()).isEqualTo("public");
        assertThat(stored.ip()).isEqualTo("203.0.113.0");
        assertThat(metrics.scrape(null).text()).contains("interview_feedback_total{category=\"out_of_scope\",kind=\"public\"} 1.0");
    }

    @Test
    void refusesUnknownCategoriesAndWrongTypes() {
        assertThatThrownBy(() -> handler.submitPublic(body("{\"session_id\":\"s\",\"category\":\"spam\"}"), CALLER))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("category"));
        assertThatThrownBy(() -> handler.submitPublic(body("{\"session_id\":\"s\",\"comment\":[1]}"), CALLER))
                .hasMessageContaining("comment").hasMessageContaining("array");
        assertThat(store.feedback().newest(10)).isEmpty();
    }

    @Test
    void adminRatingNeedsSessionAndRatingInRange() {
        assertThatThrownBy(() -> handler.submitAdmin(body("{\"rating\":3}"), CALLER)).hasMessageContaining("session_id");
        assertThatThrownBy(() -> handler.submitAdmin(body("{\"session_id\":\"s\",\"rating\":0}"), CALLER))
                .hasMessageContaining("rating");
        assertThatThrownBy(() -> handler.submitAdmin(body("{\"session_id\":\"s\",\"rating\":\"5\"}"), CALLER))
                .hasMessageContaining("rating");
        assertThat(handler.submitAdmin(body("{\"session_id\":\"s\",\"rating\":5,\"reason\":\"klar\"}"), CALLER).status())
                .isEqualTo(201);
        assertThat(store.feedback().newest(1).get(0).rating()).isEqualTo(5);
    }

    @Test
    void listIsNewestFirstWithCount() {
        handler.submitPublic(body("{\"session_id\":\"a\"}"), CALLER);
        handler.submitPublic(body("{\"session_id\":\"b\"}"), CALLER);
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) handler.list(1).body();
        assertThat(out.get("count")).isEqualTo(1);
        assertThat(((List<?>) out.get("entries")).get(0)).extracting("sessionId").isEqualTo("b");
    }
}

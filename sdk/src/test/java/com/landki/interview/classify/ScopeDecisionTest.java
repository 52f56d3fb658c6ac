package com.landki.interview.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ScopeDecisionTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void serializesAsTheClassifyResponseBody() throws Exception {
        assertThat(json.writeValueAsString(ScopeDecision.marker("outside my scope")))
                .isEqualTo("{\"out_of_scope\":true,\"source\":\"marker\",\"marker\":\"outside my scope\"}");
        assertThat(json.writeValueAsString(ScopeDecision.none()))
                .isEqualTo("{\"out_of_scope\":false,\"source\":\"none\",\"marker\":null}");
    }

    @Test
    void readsItsJsonBack() throws Exception {
        ScopeDecision decision = json.readValue(
                "{\"out_of_scope\":true,\"source\":\"structured\",\"marker\":\"report_out_of_scope\"}", ScopeDecision.class);

        assertThat(decision).isEqualTo(ScopeDecision.structured(true, "report_out_of_scope"));
    }

    @Test
    void noneCannotBeOutOfScope() {
        assertThatThrownBy(() -> new ScopeDecision(true, ScopeDecision.Source.NONE, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outOfScope");
    }
}

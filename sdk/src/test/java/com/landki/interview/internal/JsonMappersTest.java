package com.landki.interview.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one Jackson policy, as every reader and writer of the SDK and the servlets sees it. */
class JsonMappersTest {

    record Sample(String sessionId, String comment, Instant createdAt) {
    }

    private final ObjectMapper json = JsonMappers.json();

    @Test
    void writesSnakeCaseLeavesNullPropertiesOutAndTimesAsIsoStrings() throws Exception {
        String written = json.writeValueAsString(new Sample("s1", null, Instant.parse("2026-11-26T03:20:47Z")));

        assertThat(written).isEqualTo("{\"session_id\":\"s1\",\"created_at\":\"2026-11-26T03:20:47Z\"}");
    }

    @Test
    void aMapBuiltByHandKeepsItsNullEntries() throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("domain_key", null);

        assertThat(json.writeValueAsString(body)).isEqualTo("{\"domain_key\":null}");
    }

    @Test
    void readsFieldsItDoesNotKnowAndTheTimeFormatsOfOlderFiles() throws Exception {
        Sample naive = json.readValue("{\"session_id\":\"s1\",\"added_later\":{\"x\":1},"
                + "\"created_at\":\"2026-11-26 03:20:47\"}", Sample.class);
        Sample epoch = json.readValue("{\"created_at\":1764127247.5}", Sample.class);

        assertThat(naive.sessionId()).isEqualTo("s1");
        assertThat(naive.createdAt()).isEqualTo(Instant.parse("2026-11-26T03:20:47Z"));
        assertThat(epoch.createdAt()).isEqualTo(Instant.parse("2025-11-26T03:20:47.500Z"));
    }

    @Test
    void everyMapperFromTheFactoryHasTheSamePolicy() throws Exception {
        ObjectMapper withTypeModule = JsonMappers.json(new SimpleModule());

        Sample sample = new Sample("s1", null, Instant.EPOCH);
        assertThat(withTypeModule.writeValueAsString(sample)).isEqualTo(json.writeValueAsString(sample));
        assertThat(JsonMappers.csv().isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isFalse();
    }
}

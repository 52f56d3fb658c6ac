package com.landki.interview.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one Jackson policy, as every reader and writer of the SDK and the servlets sees it. */
class JsonMappersTest {

    record Sample(String sessionId, String comment, Instant createdAt) {
    }

    enum Kind { POSITIVE, NEGATIVE }

    record Typed(Integer limit, int count, Long size, Double score, String text, Boolean flag, boolean on,
                 List<String> ids, String[] names, Map<String, Object> data, Sample sample, Kind kind) {
    }

    private final ObjectMapper json = JsonMappers.json();
    private final ObjectMapper request = JsonMappers.request();

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
        ObjectMapper requestWithTypeModule = JsonMappers.request(new SimpleModule());

        Sample sample = new Sample("s1", null, Instant.EPOCH);
        assertThat(withTypeModule.writeValueAsString(sample)).isEqualTo(json.writeValueAsString(sample));
        assertThat(request.writeValueAsString(sample)).isEqualTo(json.writeValueAsString(sample));
        assertThat(requestWithTypeModule.readValue("{\"limit\":2.5}", JsonNode.class).path("limit").doubleValue())
                .isEqualTo(2.5);
        assertThatThrownBy(() -> requestWithTypeModule.readValue("{\"limit\":2.5}", Typed.class))
                .isInstanceOf(JsonProcessingException.class);
        assertThat(JsonMappers.csv().isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isFalse();
    }

    @Test
    void requestBodiesWithAnythingAfterTheValueOrAKeyNamedTwiceAreRefused() throws Exception {
        for (String body : List.of("{\"a\":1} x", "{\"a\":1}{\"b\":2}", "{\"a\":1}]", "{\"a\":1,\"a\":2}",
                "{\"o\":{\"k\":1,\"k\":1}}")) {
            assertThatThrownBy(() -> request.readTree(body)).as(body).isInstanceOf(JsonProcessingException.class);
            assertThatThrownBy(() -> request.readValue(body, Typed.class)).as(body)
                    .isInstanceOf(JsonProcessingException.class);
        }
        assertThat(request.readTree("{\"a\":1}  \n").path("a").intValue()).isEqualTo(1);
        // the stores' files and OpenAI's answers are read without the request checks
        assertThat(json.readTree("{\"a\":1,\"a\":2}").path("a").intValue()).isEqualTo(2);
    }

    @Test
    void requestBodiesAreNotCoercedToTheTypeAFieldWants() {
        for (String body : List.of("{\"limit\":2.5}", "{\"limit\":2.0}", "{\"limit\":\"5\"}", "{\"limit\":true}",
                "{\"count\":2.5}", "{\"count\":\"5\"}", "{\"size\":1.5}", "{\"size\":\"5\"}",
                "{\"score\":\"1.5\"}", "{\"score\":true}",
                "{\"text\":5}", "{\"text\":2.5}", "{\"text\":true}", "{\"text\":[\"a\"]}", "{\"text\":{}}",
                "{\"flag\":1}", "{\"flag\":\"true\"}", "{\"on\":0}", "{\"on\":\"false\"}",
                "{\"ids\":\"a\"}", "{\"ids\":1}", "{\"ids\":\"\"}", "{\"names\":\"a\"}", "{\"ids\":[1]}",
                "{\"data\":[1]}", "{\"data\":\"\"}", "{\"data\":1}", "{\"sample\":\"\"}", "{\"sample\":[]}",
                "{\"sample\":1}", "{\"kind\":0}", "{\"kind\":\"\"}")) {
            assertThatThrownBy(() -> request.readValue(body, Typed.class)).as(body)
                    .isInstanceOf(JsonProcessingException.class);
        }
    }

    @Test
    void requestBodiesOfTheRightTypesAreReadAsSent() throws Exception {
        Typed typed = request.readValue("{\"limit\":5,\"count\":3,\"size\":7,\"score\":2,\"text\":\"\",\"flag\":true,"
                + "\"on\":false,\"ids\":[],\"names\":[\"n\"],\"data\":{\"k\":[1]},\"sample\":{\"session_id\":\"s\"},"
                + "\"kind\":\"NEGATIVE\",\"unknown\":1}", Typed.class);

        assertThat(typed.limit()).isEqualTo(5);
        assertThat(typed.score()).isEqualTo(2.0);
        assertThat(typed.text()).isEmpty();
        assertThat(typed.ids()).isEmpty();
        assertThat(typed.names()).containsExactly("n");
        assertThat(typed.data()).containsEntry("k", List.of(1));
        assertThat(typed.sample().sessionId()).isEqualTo("s");
        assertThat(typed.kind()).isEqualTo(Kind.NEGATIVE);
    }
}

package com.landki.interview.chatkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.landki.interview.chatkit.server.store.JsonlThreadStore;
import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.store.Durability;
import com.landki.interview.testing.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: every stream event and JSON answer of one conversation over every request type
 * ({@link ConformanceScenario}) is exactly the transcript in {@code conformance/transcript.json}, on all three
 * thread stores. That transcript was checked against chatkit-python's own pydantic types (commit {@code dacc133}):
 * {@code conformance/validate.py} validates each entry as the named type and requires that dumping it again
 * ({@code exclude_none}) gives the same JSON, so no field is missing, extra or of another shape. Run it after a
 * change to the transcript (the test writes the actual one to {@code target/conformance/}).
 */
@Timeout(60)
class ChatKitConformanceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @RegisterExtension
    static final EmbeddedPostgresServer POSTGRES = new EmbeddedPostgresServer();

    @Test
    void inMemoryStore() throws IOException {
        check("in-memory", ThreadStore.inMemory());
    }

    @Test
    void jsonlStore(@TempDir Path dir) throws IOException {
        try (JsonlThreadStore store = ThreadStore.jsonl(dir, Durability.FLUSH)) {
            check("jsonl", store);
        }
    }

    @Test
    void postgresStore() throws IOException {
        check("postgres", ThreadStore.postgres(POSTGRES.createDatabase("conformance").dataSource()));
    }

    private static void check(String name, ThreadStore store) throws IOException {
        ArrayNode actual = new ConformanceScenario(store).run();
        Path written = Path.of("target", "conformance", name + ".json");
        Files.createDirectories(written.getParent());
        Files.writeString(written, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n");

        JsonNode expected;
        try (InputStream in = ChatKitConformanceTest.class.getResourceAsStream("conformance/transcript.json")) {
            expected = MAPPER.readTree(in);
        }
        assertThat(actual.size()).as("entries (actual in %s)", written).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(actual.get(i)))
                    .as("entry %d, step %s (actual in %s)", i, expected.get(i).path("step").asText(), written)
                    .isEqualTo(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(expected.get(i)));
        }
    }
}

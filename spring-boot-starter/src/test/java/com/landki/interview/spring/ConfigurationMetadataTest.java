package com.landki.interview.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The IDE completion a user gets is the registry: one property per setting, never drifting from it. */
class ConfigurationMetadataTest {

    @Test
    void metadataInTheJarIsTheRegistry() throws Exception {
        String shipped;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("metadata in the jar").isNotNull();
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String expected = ConfigurationMetadata.json();
        if (!expected.equals(shipped)) {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target/spring-configuration-metadata.json"), expected);
        }
        assertThat(shipped).as("copy target/spring-configuration-metadata.json to " + ConfigurationMetadata.SOURCE
                + " (or run ConfigurationMetadata.main in spring-boot-starter/)").isEqualTo(expected);
        assertThat(shipped).contains("\"interview.store\"", "\"interview.log-dir\"", "\"interview.admin-token\"",
                "\"interview.allowed-origins\"", "\"interview.chatkit.backend\"", "\"interview.openai.api-key\"",
                "\"interview.openai.base-url\"", "\"interview.openai.vector-store-id\"",
                "\"interview.openai.workflow-id\"", "\"interview.mount-path\"");
    }
}

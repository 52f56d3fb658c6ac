package com.landki.interview.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration table is generated from {@link Settings#all()}: this test fails when they differ
 * and writes the table it expects to {@code target/configuration-table.md}. Run it with
 * {@code -Dconfiguration.table.write=true} to rewrite the README's table in place.
 */
class ConfigurationTableTest {

    private static final Path README = Path.of("..", "README.md");
    private static final String BEGIN = "<!-- configuration table: generated from Settings.all() by ConfigurationTableTest -->\n";
    private static final String END = "<!-- end of configuration table -->";

    static String table() {
        return "| variable | default | meaning |\n|---|---|---|\n" + Settings.all().stream()
                .map(s -> "| " + s.names().stream().filter(n -> !n.contains("."))
                        .map(n -> "`" + n + "`").collect(Collectors.joining(" or ")) + " | "
                        + (s.defaultText() == null ? "—" : s.defaultText()) + " | " + s.doc() + " |\n")
                .collect(Collectors.joining());
    }

    @Test
    void readmeTableIsTheRegistry() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertThat(begin).as("README.md has the marker line %s", BEGIN.strip()).isNotNegative();
        assertThat(end).as("README.md has the marker line %s", END).isGreaterThan(begin);
        String expected = table();
        String actual = readme.substring(begin + BEGIN.length(), end);
        if (!actual.equals(expected)) {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "configuration-table.md"), expected, StandardCharsets.UTF_8);
            if (Boolean.getBoolean("configuration.table.write")) {
                Files.writeString(README, readme.substring(0, begin + BEGIN.length()) + expected
                        + readme.substring(end), StandardCharsets.UTF_8);
                return;
            }
        }
        assertThat(actual).as("README.md configuration table (expected table in sdk/target/configuration-table.md;"
                + " rewrite it with -Dconfiguration.table.write=true)").isEqualTo(expected);
    }
}

package com.landki.interview;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of the interview-chatkit artifacts, read once from the build's {@code version.properties}. */
public final class InterviewVersion {

    private static final String VERSION = load();

    private InterviewVersion() {
    }

    /**
     * The version this SDK was built as, for example {@code 0.1.0-SNAPSHOT}.
     *
     * @return the version, or {@code unknown} when the jar carries none
     */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = InterviewVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read version.properties", e);
        }
    }
}

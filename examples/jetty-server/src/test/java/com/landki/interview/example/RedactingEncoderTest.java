package com.landki.interview.example;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.landki.interview.config.Redactor;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The example server's last line of defence: a secret that some library put into a message or an exception —
 * text the SDK never saw, so never scrubbed at its source — is still not in the finished line, text or JSON.
 */
class RedactingEncoderTest {

    private static final String SECRET = "jdbc-password-encoder-test-31";

    @Test
    void messageArgumentsAndStackTracesLoseTheSecretInTextAndJson() {
        Redactor.register(SECRET);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory(); // logback's, with its MDC
        LoggingEvent event = new LoggingEvent(RedactingEncoderTest.class.getName(),
                context.getLogger("com.zaxxer.hikari.pool.HikariPool"), Level.ERROR,
                "connection to {} failed", new IllegalStateException("FATAL: password " + SECRET + " rejected"),
                new Object[] {"jdbc:postgresql://db/interview?password=" + SECRET});

        for (boolean json : new boolean[] {false, true}) {
            RedactingEncoder encoder = new RedactingEncoder(json ? new JsonLines() : LogSetup.textEncoder());
            encoder.setContext(context);
            encoder.start();
            String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
            assertThat(line).as(json ? "json" : "text").doesNotContain(SECRET)
                    .contains("password=<redacted>").contains("FATAL: password <redacted> rejected");
        }
    }
}

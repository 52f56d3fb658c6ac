package com.landki.interview.example;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import com.landki.interview.config.Redactor;
import java.nio.charset.StandardCharsets;

/**
 * The last line of defence: every log line, text or JSON, passes {@link Redactor} as a whole — message,
 * arguments, MDC fields and stack traces alike — whatever logged it (our code, Jetty, HikariCP, the JDK). The
 * SDK already scrubs what it knows at the source; this catches what a library put into an exception message.
 */
final class RedactingEncoder extends EncoderBase<ILoggingEvent> {

    private final Encoder<ILoggingEvent> lines;

    RedactingEncoder(Encoder<ILoggingEvent> lines) {
        this.lines = lines;
    }

    @Override
    public void start() {
        lines.setContext(getContext());
        lines.start();
        super.start();
    }

    @Override
    public void stop() {
        lines.stop();
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return lines.headerBytes();
    }

    @Override
    public byte[] footerBytes() {
        return lines.footerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        byte[] line = lines.encode(event);
        if (line == null) {
            return null;
        }
        String text = new String(line, StandardCharsets.UTF_8);
        String redacted = Redactor.redact(text);
        return redacted.equals(text) ? line : redacted.getBytes(StandardCharsets.UTF_8);
    }
}

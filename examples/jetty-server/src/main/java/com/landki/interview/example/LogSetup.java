package com.landki.interview.example;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import com.landki.interview.config.ConfigSource;
import com.landki.interview.config.InvalidSettingException;
import com.landki.interview.config.Settings;

/**
 * The example server's logging, set up when logback starts (a {@link Configurator} found through
 * {@code META-INF/services}): INFO and up to standard output, as text for people or, with {@code LOG_FORMAT=json},
 * as one JSON object per line ({@link JsonLines}). A text line names the request it belongs to
 * ({@code request_id=…}); no line shows a secret ({@link RedactingEncoder}).
 * {@code -Dlogback.configurationFile=…} replaces all of this with the operator's own file.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {

    /** The text layout: time, level, thread, logger, the request's id when there is one, message, stack trace. */
    static final String TEXT_PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36}%requestId"
            + " - %msg%n";

    /** Set up by logback itself. */
    public LogSetup() {
        // logback makes and calls it
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY; // the operator's own file
        }
        // every line passes the redactor: no secret reaches the log, whoever logged it
        Encoder<ILoggingEvent> encoder = new RedactingEncoder(json() ? new JsonLines() : textEncoder());
        encoder.setContext(context);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setEncoder(encoder);
        console.start();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** {@code LOG_FORMAT=json}; a wrong value logs as text here and stops the server in {@link InterviewServer#main}. */
    private static boolean json() {
        try {
            return "json".equals(Settings.LOG_FORMAT.read(ConfigSource.standard()));
        } catch (InvalidSettingException e) {
            return false;
        }
    }

    static Encoder<ILoggingEvent> textEncoder() {
        PatternLayout layout = new PatternLayout();
        layout.getInstanceConverterMap().put("requestId", RequestIdConverter::new);
        layout.setPattern(TEXT_PATTERN);
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>() {
            @Override
            public void start() {
                layout.setContext(getContext());
                layout.start();
                super.start();
            }
        };
        encoder.setLayout(layout);
        return encoder;
    }

    /**
     * {@code " request_id=…"} when the line belongs to a request, else nothing. A {@code %replace} regex did the
     * same on every line and was a measurable part of a request's CPU under load (docs/benchmarks.md).
     */
    static final class RequestIdConverter extends ClassicConverter {
        @Override
        public String convert(ILoggingEvent event) {
            String id = event.getMDCPropertyMap().get(RequestIds.MDC_KEY);
            return id == null || id.isEmpty() ? "" : " request_id=" + id;
        }
    }
}

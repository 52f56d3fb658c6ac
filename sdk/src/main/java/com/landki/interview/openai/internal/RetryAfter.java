package com.landki.interview.openai.internal;

import com.landki.interview.http.TransportResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads the server's wait hint: {@code retry-after-ms} first, then {@code Retry-After} (seconds or HTTP-date). */
public final class RetryAfter {

    private RetryAfter() {
    }

    /** The hint, or {@code null} when absent or unreadable; a date in the past gives zero. */
    public static Duration parse(TransportResponse response, Clock clock) {
        Optional<String> ms = response.header("retry-after-ms");
        if (ms.isPresent()) {
            Duration d = parseMillis(ms.get());
            if (d != null) {
                return d;
            }
        }
        return response.header("retry-after").map(v -> parseRetryAfter(v, clock)).orElse(null);
    }

    static Duration parseMillis(String value) {
        try {
            double millis = Double.parseDouble(value.trim());
            if (Double.isNaN(millis) || Double.isInfinite(millis) || millis < 0) {
                return null;
            }
            return Duration.ofNanos((long) (millis * 1_000_000));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Duration parseRetryAfter(String value, Clock clock) {
        String v = value.trim();
        try {
            double seconds = Double.parseDouble(v);
            if (Double.isNaN(seconds) || Double.isInfinite(seconds) || seconds < 0) {
                return null;
            }
            return Duration.ofNanos((long) (seconds * 1_000_000_000L));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}

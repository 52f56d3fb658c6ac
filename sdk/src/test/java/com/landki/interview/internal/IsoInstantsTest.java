package com.landki.interview.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {

    @Test
    void writesWhatInstantToStringWritesForEveryFractionLength() {
        for (String text : new String[] {"2026-12-04T20:58:00Z", "2026-12-04T20:58:00.100Z",
                "2026-12-04T20:58:00.000100Z", "2026-12-04T20:58:00.000000001Z", "1970-01-01T00:00:00Z",
                "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2024-02-29T12:00:00.5Z"}) {
            Instant instant = Instant.parse(text);
            assertThat(IsoInstants.format(instant)).as(text).isEqualTo(instant.toString());
        }
    }

    @Test
    void agreesWithInstantToStringOnRandomInstantsAndOutsideFourDigitYears() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            long seconds = random.nextLong(-62_167_219_200L, 253_402_300_800L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertThat(IsoInstants.format(instant)).isEqualTo(instant.toString());
        }
        for (Instant far : new Instant[] {Instant.MAX, Instant.MIN, Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-12-31T23:59:59Z")}) {
            assertThat(IsoInstants.format(far)).isEqualTo(far.toString());
        }
    }
}

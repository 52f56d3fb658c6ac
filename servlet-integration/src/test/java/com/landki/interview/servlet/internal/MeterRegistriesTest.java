package com.landki.interview.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which format {@code /metrics} answers for an {@code Accept} header. */
class MeterRegistriesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "application/openmetrics-text",
        "application/openmetrics-text; version=1.0.0; charset=utf-8",
        // Prometheus 2.x
        "application/openmetrics-text;version=1.0.0;q=0.5,application/openmetrics-text;version=0.0.1;q=0.4,"
                + "text/plain;version=0.0.4;q=0.3,*/*;q=0.2",
        "text/plain;q=0.5, Application/OpenMetrics-Text",
    })
    void openMetricsWhenItIsPreferred(String accept) {
        assertThat(MeterRegistries.wantsOpenMetrics(accept)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "*/*",
        "text/plain",
        "text/plain;version=0.0.4, application/openmetrics-text;q=0.5",
        "application/openmetrics-text;q=0",
        "application/openmetrics-text;q=nonsense",
        "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited",
    })
    void prometheusTextOtherwise(String accept) {
        assertThat(MeterRegistries.wantsOpenMetrics(accept)).isFalse();
    }

    @Test
    void onlyItsOwnRegistriesAreClaimedForTheJvmMetersAndOnlyOnceUntilReleased() {
        var own = MeterRegistries.newDefault();
        assertThat(MeterRegistries.claimJvmMeters(own)).isTrue();
        assertThat(MeterRegistries.claimJvmMeters(own)).isFalse();
        MeterRegistries.release(own);
        assertThat(MeterRegistries.claimJvmMeters(own)).isTrue();
        assertThat(MeterRegistries.claimJvmMeters(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()))
                .isFalse();
    }
}

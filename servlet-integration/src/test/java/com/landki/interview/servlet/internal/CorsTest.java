package com.landki.interview.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CorsTest {

    @Test
    void sameOriginComparesHostAndPortIgnoringDefaultPorts() {
        assertThat(Cors.sameOrigin("https://landki.com", "landki.com")).isTrue();
        assertThat(Cors.sameOrigin("https://landki.com", "landki.com:443")).isTrue();
        assertThat(Cors.sameOrigin("http://127.0.0.1:3001", "127.0.0.1:3001")).isTrue();
        assertThat(Cors.sameOrigin("http://127.0.0.1:3002", "127.0.0.1:3001")).isFalse();
        assertThat(Cors.sameOrigin("https://evil.example", "landki.com")).isFalse();
        assertThat(Cors.sameOrigin("null", "landki.com")).isFalse();
    }

    @Test
    void allowedOriginsAreExactAndNullIsNever() {
        Cors cors = new Cors(Set.of("https://landki.com"));
        assertThat(cors.allowed("https://landki.com")).isTrue();
        assertThat(cors.allowed("https://LANDKI.com")).isTrue();
        assertThat(cors.allowed("https://landki.com.evil.example")).isFalse();
        assertThat(new Cors(Set.of("*")).allowed("null")).isFalse();
        assertThat(new Cors(Set.of("*")).allowed("https://any.example")).isTrue();
        assertThat(new Cors(Set.of("*")).listed("https://any.example")).isFalse();
        assertThat(cors.listed("https://landki.com")).isTrue();
    }
}

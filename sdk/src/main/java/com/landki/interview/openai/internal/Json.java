package com.landki.interview.openai.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.landki.interview.internal.JsonMappers;

/** The OpenAI and ChatKit clients' mapper: {@link JsonMappers#json()} (unknown fields ignored, nulls not written). */
public final class Json {

    /** Thread-safe once configured; never reconfigure it. */
    public static final ObjectMapper MAPPER = JsonMappers.json();

    private Json() {
    }
}

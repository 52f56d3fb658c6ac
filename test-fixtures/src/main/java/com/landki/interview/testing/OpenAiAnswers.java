package com.landki.interview.testing;

import mockwebserver3.MockResponse;

/** Answers of the OpenAI API for mockwebserver3 that several modules' tests script the same way. */
public final class OpenAiAnswers {

    /** When the scripted sessions expire: 2030-01-01T00:00:00Z, in epoch seconds. */
    public static final long SESSION_EXPIRES_AT = 1893456000L;

    private OpenAiAnswers() {
    }

    /**
     * A 200 answer of {@code POST /chatkit/sessions}: an active session {@code id} with client secret
     * {@code secret}. A builder, so a test can add headers or a delay.
     */
    public static MockResponse.Builder chatKitSession(String id, String secret) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"id\":\"" + id + "\",\"object\":\"chatkit.session\",\"client_secret\":\"" + secret
                        + "\",\"expires_at\":" + SESSION_EXPIRES_AT + ",\"status\":\"active\"}");
    }
}

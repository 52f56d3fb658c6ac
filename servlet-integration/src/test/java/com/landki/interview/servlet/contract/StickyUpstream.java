package com.landki.interview.servlet.contract;

import com.landki.interview.testing.OpenAiAnswers;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A ChatKit API stand-in for mockwebserver3 that answers every request with the current script, so a
 * client that retries sees the same answer each time and nothing is left over for the next test.
 */
final class StickyUpstream extends Dispatcher {

    private volatile MockResponse response = session("cksess_default", "ek_default");
    /** Answers for DELETE requests while a test needs them apart; {@code null}: the current script. */
    private volatile MockResponse deleteResponse;

    static MockResponse session(String id, String secret) {
        return OpenAiAnswers.chatKitSession(id, secret).addHeader("x-request-id", "req_ok_1").build();
    }

    static MockResponse error(int status, String message, String requestId) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .addHeader("x-request-id", requestId).addHeader("Retry-After", "1")
                .body("{\"error\":{\"message\":\"" + message + "\",\"type\":\"invalid_request_error\",\"code\":null}}")
                .build();
    }

    static MockResponse slow(Duration delay) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .headersDelay(delay.toMillis(), TimeUnit.MILLISECONDS)
                .body("{}").build();
    }

    void answer(MockResponse next) {
        this.response = next;
        this.deleteResponse = null;
    }

    /** {@code next} for GET and POST, {@code onDelete} for DELETE requests. */
    void answer(MockResponse next, MockResponse onDelete) {
        this.response = next;
        this.deleteResponse = onDelete;
    }

    static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        MockResponse onDelete = deleteResponse;
        return onDelete != null && "DELETE".equals(request.getMethod()) ? onDelete : response;
    }
}

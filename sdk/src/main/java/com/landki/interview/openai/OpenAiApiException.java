package com.landki.interview.openai;

import java.time.Duration;
import java.util.Optional;

/**
 * The OpenAI API answered with an error status.
 *
 * <p>Carries the HTTP status, OpenAI's {@code error.type}, {@code error.code}, {@code error.param} and
 * {@code error.message}, the {@code x-request-id} header and the server's Retry-After hint. The message has the
 * shape {@code OpenAI API error 401 (invalid_request_error, code invalid_api_key): Incorrect API key…;
 * request-id: req_123}, so a single log line is enough for OpenAI support. Subclasses by status:
 * {@link BadRequestException} 400, {@link AuthenticationException} 401/403, {@link NotFoundException} 404,
 * {@link RateLimitException} 429, {@link ServerException} 5xx; other statuses (408, 409, 422, …) use this class.
 */
public class OpenAiApiException extends OpenAiException {

    private static final long serialVersionUID = 1L;

    /** The HTTP status. */
    private final int statusCode;
    /** OpenAI's {@code error.type}, or {@code null}. */
    private final String errorType;
    /** OpenAI's {@code error.code}, or {@code null}. */
    private final String code;
    /** OpenAI's {@code error.param}, or {@code null}. */
    private final String param;
    /** OpenAI's {@code error.message}, or {@code null}. */
    private final String errorMessage;
    /** The {@code x-request-id} header, or {@code null}. */
    private final String requestId;
    /** The server's wait hint, or {@code null}. */
    private final Duration retryAfter;

    /**
     * @param statusCode   HTTP status
     * @param errorType    {@code error.type} or {@code null}
     * @param code         {@code error.code} or {@code null}
     * @param param        {@code error.param} or {@code null}
     * @param errorMessage {@code error.message} (or a short excerpt of a non-JSON body), already free of secrets
     * @param requestId    {@code x-request-id} or {@code null}
     * @param retryAfter   the server's wait hint or {@code null}
     */
    public OpenAiApiException(int statusCode, String errorType, String code, String param, String errorMessage,
            String requestId, Duration retryAfter) {
        super(format(statusCode, errorType, code, errorMessage, requestId));
        this.statusCode = statusCode;
        this.errorType = errorType;
        this.code = code;
        this.param = param;
        this.errorMessage = errorMessage;
        this.requestId = requestId;
        this.retryAfter = retryAfter;
    }

    /**
     * The exception class that fits the status.
     *
     * @param statusCode HTTP status
     * @param errorType {@code error.type} or {@code null}
     * @param code {@code error.code} or {@code null}
     * @param param {@code error.param} or {@code null}
     * @param errorMessage {@code error.message} or an excerpt of the body, free of secrets
     * @param requestId {@code x-request-id} or {@code null}
     * @param retryAfter the server's wait hint or {@code null}
     * @return a {@link BadRequestException}, {@link AuthenticationException}, {@link NotFoundException},
     * {@link RateLimitException}, {@link ServerException} or this class for other statuses
     */
    public static OpenAiApiException of(int statusCode, String errorType, String code, String param,
            String errorMessage, String requestId, Duration retryAfter) {
        if (statusCode == 400) {
            return new BadRequestException(errorType, code, param, errorMessage, requestId);
        }
        if (statusCode == 401 || statusCode == 403) {
            return new AuthenticationException(statusCode, errorType, code, param, errorMessage, requestId);
        }
        if (statusCode == 404) {
            return new NotFoundException(errorType, code, param, errorMessage, requestId);
        }
        if (statusCode == 429) {
            return new RateLimitException(errorType, code, param, errorMessage, requestId, retryAfter);
        }
        if (statusCode >= 500 && statusCode <= 599) {
            return new ServerException(statusCode, errorType, code, param, errorMessage, requestId, retryAfter);
        }
        return new OpenAiApiException(statusCode, errorType, code, param, errorMessage, requestId, retryAfter);
    }

    private static String format(int status, String type, String code, String message, String requestId) {
        StringBuilder sb = new StringBuilder("OpenAI API error ").append(status);
        if (type != null || code != null) {
            sb.append(" (");
            if (type != null) {
                sb.append(type);
            }
            if (code != null) {
                sb.append(type != null ? ", " : "").append("code ").append(code);
            }
            sb.append(')');
        }
        if (message != null && !message.isEmpty()) {
            sb.append(": ").append(message);
        }
        sb.append("; request-id: ").append(requestId == null ? "none" : requestId);
        return sb.toString();
    }

    /**
     * The HTTP status, e.g. 429.
     *
     * @return the status
     */
    public int statusCode() {
        return statusCode;
    }

    /**
     * OpenAI's {@code error.type}, e.g. {@code invalid_request_error}, or {@code null}.
     *
     * @return the type or {@code null}
     */
    public String errorType() {
        return errorType;
    }

    /**
     * OpenAI's {@code error.code}, e.g. {@code invalid_api_key}, or {@code null}.
     *
     * @return the code or {@code null}
     */
    public String code() {
        return code;
    }

    /**
     * OpenAI's {@code error.param}, the offending request field, or {@code null}.
     *
     * @return the field name or {@code null}
     */
    public String param() {
        return param;
    }

    /**
     * OpenAI's {@code error.message} (or an excerpt of a non-JSON body), or {@code null}.
     *
     * @return the message or {@code null}
     */
    public String errorMessage() {
        return errorMessage;
    }

    /**
     * The {@code x-request-id} response header, or {@code null}.
     *
     * @return the request id or {@code null}
     */
    public String requestId() {
        return requestId;
    }

    /**
     * The server's {@code retry-after-ms} / {@code Retry-After} hint, uncapped.
     *
     * @return the hint, empty when the server gave none
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}

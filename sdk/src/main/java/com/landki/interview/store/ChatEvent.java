package com.landki.interview.store;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.landki.interview.internal.IsoInstantDeserializer;
import java.time.Instant;

/**
 * One event of the chat log, as a line of {@code chat.jsonl}: {@code session.created}, {@code session.failed},
 * {@code thread.created} or {@code response.classified} (types are strings, so new ones need no API change). Wire names are snake
 * case ({@code session_id}, {@code user_hash}, {@code latency_ms}, {@code upstream_status},
 * {@code upstream_request_id}, {@code out_of_scope} …); absent fields are left out. {@code upstream_request_id} is
 * OpenAI's {@code x-request-id}, never the example server's own {@code request_id} of its log lines; lines
 * written before it was renamed name it {@code request_id}, which is read as the same field. {@code ip} is anonymized and
 * {@code user_hash} hashed by the caller; no secret belongs in any field.
 *
 * <p>Build with {@link #builder(String)}; the store fills in {@code id} ({@code ev_…}) and {@code ts}.
 * Immutable and thread-safe.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"id", "ts", "type", "session_id", "thread_id", "user_hash", "ip", "latency_ms",
        "upstream_status", "upstream_request_id", "question", "answer", "out_of_scope", "source", "marker", "error"})
public record ChatEvent(
        @JsonProperty("id") String id,
        @JsonProperty("ts") @JsonSerialize(using = ToStringSerializer.class)
        @JsonDeserialize(using = IsoInstantDeserializer.class) Instant ts,
        @JsonProperty("type") String type,
        @JsonProperty("session_id") String sessionId,
        @JsonProperty("thread_id") String threadId,
        @JsonProperty("user_hash") String userHash,
        @JsonProperty("ip") String ip,
        @JsonProperty("latency_ms") Long latencyMs,
        @JsonProperty("upstream_status") Integer upstreamStatus,
        @JsonProperty("upstream_request_id") @JsonAlias("request_id") String upstreamRequestId,
        @JsonProperty("question") String question,
        @JsonProperty("answer") String answer,
        @JsonProperty("out_of_scope") Boolean outOfScope,
        @JsonProperty("source") String source,
        @JsonProperty("marker") String marker,
        @JsonProperty("error") String error) {

    /** A ChatKit session was minted. */
    public static final String SESSION_CREATED = "session.created";
    /** Minting a session failed; {@code upstream_status} and {@code error} say why. */
    public static final String SESSION_FAILED = "session.failed";
    /** The own ChatKit server ({@code server} backend) began a conversation: a new thread. */
    public static final String THREAD_CREATED = "thread.created";
    /** An answer was classified (one per finished answer); {@code out_of_scope}, {@code source} and {@code marker} say how. */
    public static final String RESPONSE_CLASSIFIED = "response.classified";

    /** Longest {@code type}, {@code id}, {@code session_id}, {@code ip}, {@code source} …, in chars. */
    public static final int MAX_SHORT_CHARS = 256;
    /** Longest {@code question}, {@code answer}, {@code marker} and {@code error}, in chars. */
    public static final int MAX_TEXT_CHARS = 64 * 1024;

    /**
     * A builder for an event of the given type, for example {@link #SESSION_CREATED}.
     *
     * @param type the event type, e.g. {@link #SESSION_CREATED}; not blank
     * @return a new builder
     */
    public static Builder builder(String type) {
        return new Builder(type);
    }

    /**
     * This event with the given id and time, as a store records it.
     *
     * @param newId the id the store gives it ({@code ev_…})
     * @param newTs the time the store records
     * @return a copy; this event is unchanged
     */
    public ChatEvent withIdAndTs(String newId, Instant newTs) {
        return new ChatEvent(newId, newTs, type, sessionId, threadId, userHash, ip, latencyMs, upstreamStatus,
                upstreamRequestId, question, answer, outOfScope, source, marker, error);
    }

    /** Builds a {@link ChatEvent}; every setter is optional. Not thread-safe. */
    public static final class Builder {
        private final String type;
        private String id;
        private Instant ts;
        private String sessionId;
        private String threadId;
        private String userHash;
        private String ip;
        private Long latencyMs;
        private Integer upstreamStatus;
        private String upstreamRequestId;
        private String question;
        private String answer;
        private Boolean outOfScope;
        private String source;
        private String marker;
        private String error;

        private Builder(String type) {
            this.type = type;
        }

        /**
         * The event id; normally left to the store.
         *
         * @param value {@code ev_…}, or {@code null} to let the store choose
         * @return this builder
         */
        public Builder id(String value) { this.id = value; return this; }
        /**
         * The event time; normally left to the store.
         *
         * @param value the instant, or {@code null} to let the store choose
         * @return this builder
         */
        public Builder ts(Instant value) { this.ts = value; return this; }
        /**
         * The ChatKit session the event belongs to ({@code session_id}).
         *
         * @param value the id, or {@code null}
         * @return this builder
         */
        public Builder sessionId(String value) { this.sessionId = value; return this; }
        /**
         * The thread the event belongs to ({@code thread_id}).
         *
         * @param value the id, or {@code null}
         * @return this builder
         */
        public Builder threadId(String value) { this.threadId = value; return this; }
        /**
         * The hashed user id ({@code user_hash}); never the raw id.
         *
         * @param value the hash, or {@code null}
         * @return this builder
         */
        public Builder userHash(String value) { this.userHash = value; return this; }
        /**
         * The client IP ({@code ip}), already anonymized by the caller.
         *
         * @param value the address, or {@code null}
         * @return this builder
         */
        public Builder ip(String value) { this.ip = value; return this; }
        /**
         * How long the upstream call took ({@code latency_ms}).
         *
         * @param value milliseconds
         * @return this builder
         */
        public Builder latencyMs(long value) { this.latencyMs = value; return this; }
        /**
         * The upstream HTTP status ({@code upstream_status}).
         *
         * @param value the status
         * @return this builder
         */
        public Builder upstreamStatus(int value) { this.upstreamStatus = value; return this; }
        /**
         * OpenAI's {@code x-request-id} ({@code upstream_request_id}).
         *
         * @param value the id, or {@code null}
         * @return this builder
         */
        public Builder upstreamRequestId(String value) { this.upstreamRequestId = value; return this; }
        /**
         * The user's question ({@code question}), at most {@value #MAX_TEXT_CHARS} chars.
         *
         * @param value the text, or {@code null}
         * @return this builder
         */
        public Builder question(String value) { this.question = value; return this; }
        /**
         * The answer ({@code answer}), at most {@value #MAX_TEXT_CHARS} chars.
         *
         * @param value the text, or {@code null}
         * @return this builder
         */
        public Builder answer(String value) { this.answer = value; return this; }
        /**
         * Whether the answer was out of scope ({@code out_of_scope}).
         *
         * @param value the verdict
         * @return this builder
         */
        public Builder outOfScope(boolean value) { this.outOfScope = value; return this; }
        /**
         * How the verdict was reached ({@code source}: {@code structured}, {@code marker} or {@code none}).
         *
         * @param value the source, or {@code null}
         * @return this builder
         */
        public Builder source(String value) { this.source = value; return this; }
        /**
         * The marker phrase that matched ({@code marker}).
         *
         * @param value the phrase, or {@code null}
         * @return this builder
         */
        public Builder marker(String value) { this.marker = value; return this; }
        /**
         * Why a session failed ({@code error}); free of secrets.
         *
         * @param value the text, or {@code null}
         * @return this builder
         */
        public Builder error(String value) { this.error = value; return this; }

        /**
         * @return the event; the store checks the fields' lengths when it appends it
         */
        public ChatEvent build() {
            return new ChatEvent(id, ts, type, sessionId, threadId, userHash, ip, latencyMs, upstreamStatus,
                    upstreamRequestId, question, answer, outOfScope, source, marker, error);
        }
    }
}

package com.landki.interview.store;

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
 * One feedback record, as a line of {@code feedback.jsonl}. The wire names are the original FastAPI server's ({@code session_id},
 * {@code user_question}, {@code assistant_reply}, {@code category}, {@code comment}) plus {@code id}
 * ({@code fb_…}), {@code ts} (ISO-8601 UTC), {@code kind} ({@code public} or {@code admin}), {@code rating} and
 * {@code reason} for admin ratings, and {@code ip}, which the caller has already anonymized. Absent fields are
 * left out of the JSON.
 *
 * <p>Create entries with {@link #publicFeedback} or {@link #adminRating}; the store fills in {@code id} and
 * {@code ts} and validates the fields (see the {@code MAX_*} limits). Immutable and thread-safe.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"id", "ts", "kind", "session_id", "user_question", "assistant_reply", "category", "comment",
        "rating", "reason", "ip"})
public record FeedbackEntry(
        @JsonProperty("id") String id,
        @JsonProperty("ts") @JsonSerialize(using = ToStringSerializer.class)
        @JsonDeserialize(using = IsoInstantDeserializer.class) Instant ts,
        @JsonProperty("kind") String kind,
        @JsonProperty("session_id") String sessionId,
        @JsonProperty("user_question") String userQuestion,
        @JsonProperty("assistant_reply") String assistantReply,
        @JsonProperty("category") String category,
        @JsonProperty("comment") String comment,
        @JsonProperty("rating") Integer rating,
        @JsonProperty("reason") String reason,
        @JsonProperty("ip") String ip) {

    /** Feedback sent by a visitor through {@code POST /feedback}. */
    public static final String KIND_PUBLIC = "public";
    /** A structured rating sent through {@code POST /admin/feedback}. */
    public static final String KIND_ADMIN = "admin";
    /** The category when a public feedback names none, as in the original FastAPI server. */
    public static final String DEFAULT_CATEGORY = "out_of_scope";

    /** Longest {@code session_id}, {@code id}, {@code category} and {@code ip}, in chars. */
    public static final int MAX_SHORT_CHARS = 256;
    /** Longest {@code user_question}, {@code assistant_reply}, {@code comment} and {@code reason}, in chars. */
    public static final int MAX_TEXT_CHARS = 64 * 1024;

    /**
     * A visitor's feedback. A null {@code category} becomes {@link #DEFAULT_CATEGORY}; the other texts may be
     * null.
     *
     * @param sessionId the ChatKit session or thread the feedback is about, or {@code null}
     * @param userQuestion the question the visitor asked, or {@code null}
     * @param assistantReply the answer they rate, or {@code null}
     * @param category one of the configured categories, or {@code null} for {@link #DEFAULT_CATEGORY}
     * @param comment free text, or {@code null}
     * @param ip the client IP, already anonymized, or {@code null}
     * @return the entry, without id and time
     */
    public static FeedbackEntry publicFeedback(String sessionId, String userQuestion, String assistantReply,
            String category, String comment, String ip) {
        return new FeedbackEntry(null, null, KIND_PUBLIC, sessionId, userQuestion, assistantReply,
                category == null ? DEFAULT_CATEGORY : category, comment, null, null, ip);
    }

    /**
     * An admin's structured rating of a session: {@code rating} 1..5, optional reason and comment.
     *
     * @param sessionId the rated session; not blank
     * @param rating 1 to 5
     * @param reason a short reason, or {@code null}
     * @param comment free text, or {@code null}
     * @param ip the admin's IP, already anonymized, or {@code null}
     * @return the entry, without id and time
     */
    public static FeedbackEntry adminRating(String sessionId, int rating, String reason, String comment, String ip) {
        return new FeedbackEntry(null, null, KIND_ADMIN, sessionId, null, null, null, comment, rating, reason, ip);
    }

    /**
     * This entry with the given id and time, as a store records it.
     *
     * @param newId the id the store gives it
     * @param newTs the time the store records
     * @return a copy; this entry is unchanged
     */
    public FeedbackEntry withIdAndTs(String newId, Instant newTs) {
        return new FeedbackEntry(newId, newTs, kind, sessionId, userQuestion, assistantReply, category, comment,
                rating, reason, ip);
    }
}

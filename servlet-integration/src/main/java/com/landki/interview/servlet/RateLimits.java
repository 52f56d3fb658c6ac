package com.landki.interview.servlet;

import com.landki.interview.config.ConfigSource;
import com.landki.interview.config.Settings;

/**
 * Requests per client IP and minute for each public write endpoint; {@code 0} turns a limit off. Token
 * buckets: the burst is the per-minute rate, refilled continuously. Immutable and thread-safe.
 */
public final class RateLimits {

    private static final RateLimits DEFAULTS = new Builder().build();
    private static final RateLimits NONE = new Builder().sessionPerMin(0).feedbackPerMin(0).classifyPerMin(0)
            .chatKitPerMin(0).build();

    private final int sessionPerMin;
    private final int feedbackPerMin;
    private final int classifyPerMin;
    private final int chatKitPerMin;

    private RateLimits(Builder b) {
        sessionPerMin = b.sessionPerMin;
        feedbackPerMin = b.feedbackPerMin;
        classifyPerMin = b.classifyPerMin;
        chatKitPerMin = b.chatKitPerMin;
    }

    /**
     * The defaults of the configuration table: 10 sessions, 30 feedbacks, 60 classifications, 120 protocol requests.
     *
     * @return the shared default limits
     */
    public static RateLimits defaults() {
        return DEFAULTS;
    }

    /**
     * Every limit off, for tests and trusted networks.
     *
     * @return limits that never refuse
     */
    public static RateLimits none() {
        return NONE;
    }

    /**
     * A builder with the {@link #defaults()}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder preset with these limits.
     *
     * @return a new builder; changing it leaves these limits as they are
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Reads the {@code RATE_LIMIT_*_PER_MIN} settings; an invalid value fails naming the setting.
     *
     * @param source where the settings are read
     * @return the limits
     */
    public static RateLimits from(ConfigSource source) {
        return new Builder()
                .sessionPerMin(Settings.RATE_LIMIT_SESSION_PER_MIN.read(source))
                .feedbackPerMin(Settings.RATE_LIMIT_FEEDBACK_PER_MIN.read(source))
                .classifyPerMin(Settings.RATE_LIMIT_CLASSIFY_PER_MIN.read(source))
                .chatKitPerMin(Settings.RATE_LIMIT_CHATKIT_PER_MIN.read(source))
                .build();
    }

    /**
     * {@code POST /chatkit/session}.
     *
     * @return requests per client IP and minute; 0 for no limit
     */
    public int sessionPerMin() {
        return sessionPerMin;
    }

    /**
     * {@code POST /feedback}.
     *
     * @return requests per client IP and minute; 0 for no limit
     */
    public int feedbackPerMin() {
        return feedbackPerMin;
    }

    /**
     * {@code POST /classify}.
     *
     * @return requests per client IP and minute; 0 for no limit
     */
    public int classifyPerMin() {
        return classifyPerMin;
    }

    /**
     * {@code POST /chatkit}, the own server's protocol requests.
     *
     * @return requests per client IP and minute; 0 for no limit
     */
    public int chatKitPerMin() {
        return chatKitPerMin;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RateLimits r && r.sessionPerMin == sessionPerMin && r.feedbackPerMin == feedbackPerMin
                && r.classifyPerMin == classifyPerMin && r.chatKitPerMin == chatKitPerMin;
    }

    @Override
    public int hashCode() {
        return ((sessionPerMin * 31 + feedbackPerMin) * 31 + classifyPerMin) * 31 + chatKitPerMin;
    }

    @Override
    public String toString() {
        return "RateLimits[session=" + sessionPerMin + ", feedback=" + feedbackPerMin + ", classify=" + classifyPerMin
                + ", chatkit=" + chatKitPerMin + " per minute]";
    }

    /** Collects limits; each setter refuses negative values. Not thread-safe. */
    public static final class Builder {

        private int sessionPerMin = Settings.RATE_LIMIT_SESSION_PER_MIN.defaultValue();
        private int feedbackPerMin = Settings.RATE_LIMIT_FEEDBACK_PER_MIN.defaultValue();
        private int classifyPerMin = Settings.RATE_LIMIT_CLASSIFY_PER_MIN.defaultValue();
        private int chatKitPerMin = Settings.RATE_LIMIT_CHATKIT_PER_MIN.defaultValue();

        private Builder() {
        }

        private Builder(RateLimits r) {
            sessionPerMin = r.sessionPerMin;
            feedbackPerMin = r.feedbackPerMin;
            classifyPerMin = r.classifyPerMin;
            chatKitPerMin = r.chatKitPerMin;
        }

        /**
         * Limit of {@code POST /chatkit/session}.
         *
         * @param perMinute requests per client IP and minute, 0 for no limit; default 10
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        public Builder sessionPerMin(int perMinute) {
            sessionPerMin = require("sessionPerMin", perMinute);
            return this;
        }

        /**
         * Limit of {@code POST /feedback}.
         *
         * @param perMinute requests per client IP and minute, 0 for no limit; default 30
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        public Builder feedbackPerMin(int perMinute) {
            feedbackPerMin = require("feedbackPerMin", perMinute);
            return this;
        }

        /**
         * Limit of {@code POST /classify}.
         *
         * @param perMinute requests per client IP and minute, 0 for no limit; default 60
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        public Builder classifyPerMin(int perMinute) {
            classifyPerMin = require("classifyPerMin", perMinute);
            return this;
        }

        /**
         * Limit of {@code POST /chatkit}, the own server's protocol requests.
         *
         * @param perMinute requests per client IP and minute, 0 for no limit; default 120
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        public Builder chatKitPerMin(int perMinute) {
            chatKitPerMin = require("chatKitPerMin", perMinute);
            return this;
        }

        /**
         * @return the immutable limits
         */
        public RateLimits build() {
            return new RateLimits(this);
        }

        private static int require(String name, int perMinute) {
            if (perMinute < 0) {
                throw new IllegalArgumentException(name + " must be >= 0 (0 turns the limit off), was " + perMinute);
            }
            return perMinute;
        }
    }
}

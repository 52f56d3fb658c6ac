package com.landki.interview.config;

/**
 * A setting has a value that cannot be used; the message names the setting and says what it must be (it never
 * repeats the value of a secret setting).
 */
public final class InvalidSettingException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String setting;

    public InvalidSettingException(String setting, String message, Throwable cause) {
        super(message, cause);
        this.setting = setting;
    }

    /** The name of the setting, e.g. {@code RATE_LIMIT_FEEDBACK_PER_MIN}. */
    public String setting() {
        return setting;
    }
}

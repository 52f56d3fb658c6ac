package com.landki.interview.config;

/**
 * A setting has a value that cannot be used; the message names the setting and says what it must be (it never
 * repeats the value of a secret setting).
 */
public final class InvalidSettingException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** The setting's name. */
    private final String setting;

    /**
     * @param setting the setting's name
     * @param message what is wrong; never the value of a secret
     * @param cause the parser's exception, or {@code null}
     */
    public InvalidSettingException(String setting, String message, Throwable cause) {
        super(message, cause);
        this.setting = setting;
    }

    /**
     * The name of the setting, e.g. {@code RATE_LIMIT_FEEDBACK_PER_MIN}.
     *
     * @return the name
     */
    public String setting() {
        return setting;
    }
}

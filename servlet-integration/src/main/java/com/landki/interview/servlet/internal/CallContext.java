package com.landki.interview.servlet.internal;

/**
 * Who is calling, as the handlers see it: the client IP in the form that may be stored (anonymized unless
 * turned off) and the user id (from the host's resolver or the signed cookie; {@code null} where unused).
 */
public record CallContext(String storedIp, String userId) {
}

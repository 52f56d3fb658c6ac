package com.landki.interview.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Writes a CSV text cell so that a spreadsheet shows it instead of running it: a value starting with
 * {@code = + - @}, a tab or a carriage return (what Excel, LibreOffice and Google Sheets read as the start
 * of a formula, OWASP "CSV injection") gets a leading {@code '}, which the spreadsheet hides and which turns
 * the cell into text. Every other value is written unchanged. Stateless.
 */
final class FormulaSafeCells extends StdSerializer<String> {

    private static final long serialVersionUID = 1L;

    FormulaSafeCells() {
        super(String.class);
    }

    @Override
    public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(neutralise(value));
    }

    /** {@code value}, with a leading {@code '} when its first character starts a formula. */
    static String neutralise(String value) {
        if (value.isEmpty()) {
            return value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }
}

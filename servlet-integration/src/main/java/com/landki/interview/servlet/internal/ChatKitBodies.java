package com.landki.interview.servlet.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** What the protocol servlet needs to know of a request body before the server reads it. Stateless. */
public final class ChatKitBodies {

    private static final JsonFactory FACTORY = new JsonFactory();

    private ChatKitBodies() {
    }

    /**
     * Whether {@code body} is a JSON object whose top-level {@code type} is {@code input.transcribe}: the one
     * request that may be larger than the protocol endpoint's body limit. Reads tokens without building a tree.
     */
    public static boolean isTranscribe(byte[] body) {
        try (JsonParser parser = FACTORY.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("type".equals(name)) {
                    return value == JsonToken.VALUE_STRING && "input.transcribe".equals(parser.getText());
                }
                parser.skipChildren();
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}

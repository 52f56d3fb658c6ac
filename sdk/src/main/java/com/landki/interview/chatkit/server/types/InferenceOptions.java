package com.landki.interview.chatkit.server.types;

/** The tool and model the user picked in the composer, both optional; {@code tool_choice} is {@code {id}}. */
public record InferenceOptions(ToolChoice toolChoice, String model) {

    /**
     * No choice made.
     *
     * @return options without a tool choice or model
     */
    public static InferenceOptions none() {
        return new InferenceOptions(null, null);
    }

    /** A tool the user asked for by id. */
    public record ToolChoice(String id) {
    }
}

package com.landki.interview.testing;

/** Bodies of ChatKit protocol requests, as the page sends them to {@code <mount>/chatkit}. */
public final class ChatKitRequests {

    private ChatKitRequests() {
    }

    /** {@code threads.create} with one user message of {@code text}, no attachments. */
    public static String threadsCreate(String text) {
        return "{\"type\":\"threads.create\",\"params\":{\"input\":{\"content\":[{\"type\":\"input_text\",\"text\":\""
                + text.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"}],\"attachments\":[],\"inference_options\":{}}},\"metadata\":{}}";
    }
}

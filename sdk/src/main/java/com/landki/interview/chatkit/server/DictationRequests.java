package com.landki.interview.chatkit.server;

import static com.landki.interview.chatkit.server.RequestParams.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.landki.interview.chatkit.server.responder.Transcriber;
import com.landki.interview.chatkit.server.types.AudioInput;
import com.landki.interview.chatkit.server.types.ChatKitException;
import com.landki.interview.chatkit.server.types.RequestContext;
import com.landki.interview.chatkit.server.types.TranscriptionResult;
import java.util.Base64;

/**
 * {@code input.transcribe}: decodes {@code params.audio_base64}, checks the recording against the
 * {@link DictationOptions} (type, size, content) and hands it to the {@link Transcriber}. Not streamed; the
 * answer is a {@link TranscriptionResult}. Thread-safe.
 */
final class DictationRequests {

    private final Transcriber transcriber;
    private final DictationOptions options;

    DictationRequests(Transcriber transcriber, DictationOptions options) {
        this.transcriber = transcriber;
        this.options = options;
    }

    TranscriptionResult transcribe(RequestContext context, JsonNode params) {
        String mimeType = text(params, "mime_type");
        String mediaType = AttachmentOptions.mediaType(mimeType);
        if (!options.allowedTypes().contains(mediaType)) {
            throw new ChatKitException(AttachmentRequests.UNSUPPORTED_MEDIA_TYPE, 415, "audio of type " + mediaType
                    + " is not accepted; allowed: " + String.join(", ", options.allowedTypes()));
        }
        String encoded = text(params, "audio_base64");
        if ((long) encoded.length() / 4 * 3 > options.maxBytes() + 2) {
            throw tooLarge(encoded.length() / 4L * 3);
        }
        byte[] audio;
        try {
            audio = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw ChatKitException.validation("params.audio_base64", "is not base64: " + e.getMessage());
        }
        if (audio.length > options.maxBytes()) {
            throw tooLarge(audio.length);
        }
        if (audio.length == 0 || !ContentSniffer.matches(mediaType, audio)) {
            throw new ChatKitException(AttachmentRequests.UNSUPPORTED_MEDIA_TYPE, 415,
                    "the recording's content is not " + mediaType);
        }
        return transcriber.transcribe(new AudioInput(audio, mimeType), context);
    }

    private ChatKitException tooLarge(long size) {
        return new ChatKitException(AttachmentRequests.PAYLOAD_TOO_LARGE, 413, "the recording has " + size
                + " bytes; at most " + options.maxBytes() + " are accepted");
    }
}

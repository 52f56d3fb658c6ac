package com.landki.interview.chatkit.server.responder;

import com.landki.interview.chatkit.server.types.AudioInput;
import com.landki.interview.chatkit.server.types.RequestContext;
import com.landki.interview.chatkit.server.types.TranscriptionResult;

/**
 * Turns dictated audio into text for {@code input.transcribe} (chatkit-python's {@code ChatKitServer.transcribe}),
 * e.g. {@code OpenAiTranscriber} over OpenAI's {@code /audio/transcriptions}. The server checks the audio's size,
 * type and content before it calls this. Implementations are thread-safe.
 */
@FunctionalInterface
public interface Transcriber {

    /**
     * Transcribes {@code audio} for the caller.
     *
     * @param audio   the decoded audio and its MIME type
     * @param context the caller
     * @return the text for the composer
     * @throws com.landki.interview.chatkit.server.types.ChatKitException a refusal the page is told about, with its
     *                                                                    HTTP status (e.g. 502 when the
     *                                                                    transcription service failed)
     */
    TranscriptionResult transcribe(AudioInput audio, RequestContext context);
}

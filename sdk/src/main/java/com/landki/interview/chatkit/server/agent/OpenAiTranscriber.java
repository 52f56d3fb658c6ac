package com.landki.interview.chatkit.server.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.landki.interview.chatkit.server.agent.internal.Multipart;
import com.landki.interview.chatkit.server.responder.Transcriber;
import com.landki.interview.chatkit.server.types.AudioInput;
import com.landki.interview.chatkit.server.types.ChatKitException;
import com.landki.interview.chatkit.server.types.RequestContext;
import com.landki.interview.chatkit.server.types.TranscriptionResult;
import com.landki.interview.config.ConfigSource;
import com.landki.interview.config.Settings;
import com.landki.interview.openai.OpenAiHttp;
import com.landki.interview.openai.internal.Futures;
import com.landki.interview.openai.internal.UpstreamFailure;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dictation through OpenAI's {@code POST {OPENAI_BASE_URL}/audio/transcriptions}: one {@code multipart/form-data}
 * request with the fields {@code model} and {@code file} (named {@code audio.<ext>} after the media type, which
 * is how the endpoint tells the format), answered with the {@code text} of the JSON result. Calls go through the
 * shared {@link OpenAiHttp} (its retries, timeouts and typed errors); a failure becomes a {@link ChatKitException}
 * with our upstream codes: 502 {@code upstream_error} (5xx, unreachable), 502 {@code upstream_bad_request} (400,
 * 404, 422), 502 {@code upstream_unauthorized} (401, 403), 503 {@code upstream_rate_limited}, 504
 * {@code upstream_timeout}, 502 {@code upstream_bad_response}. Thread-safe.
 */
public final class OpenAiTranscriber implements Transcriber {

    /** {@code gpt-4o-mini-transcribe} ({@code OPENAI_TRANSCRIBE_MODEL}). */
    public static final String DEFAULT_MODEL = Settings.OPENAI_TRANSCRIBE_MODEL.defaultValue();
    /** The endpoint below the base URL. */
    public static final String PATH = "/audio/transcriptions";

    private static final Logger LOG = LoggerFactory.getLogger(OpenAiTranscriber.class);

    private final OpenAiHttp http;
    private final String model;

    private OpenAiTranscriber(OpenAiHttp http, String model) {
        this.http = Objects.requireNonNull(http, "http");
        this.model = Objects.requireNonNull(model, "model");
    }

    /**
     * A transcriber asking {@code model}.
     *
     * @param http  the OpenAI client; the caller closes it
     * @param model e.g. {@link #DEFAULT_MODEL}
     * @return the transcriber
     */
    public static OpenAiTranscriber of(OpenAiHttp http, String model) {
        return new OpenAiTranscriber(http, model);
    }

    /**
     * A transcriber with {@code OPENAI_TRANSCRIBE_MODEL} of {@code source}.
     *
     * @param source where the model is read
     * @param http   the OpenAI client; the caller closes it
     * @return the transcriber
     */
    public static OpenAiTranscriber from(ConfigSource source, OpenAiHttp http) {
        return of(http, Settings.OPENAI_TRANSCRIBE_MODEL.read(source));
    }

    /**
     * The model asked.
     *
     * @return the model name
     */
    public String model() {
        return model;
    }

    @Override
    public TranscriptionResult transcribe(AudioInput audio, RequestContext context) {
        String mediaType = audio.mediaType();
        Multipart body = new Multipart().field("model", model)
                .file("file", "audio." + extension(mediaType), mediaType, audio.data());
        JsonNode answer;
        try {
            answer = Futures.await(http.postBodyAsync(PATH, body.body(), body.contentType(), Map.of()));
        } catch (RuntimeException e) {
            UpstreamFailure failure = UpstreamFailure.of(e);
            if (failure == null) {
                throw e;
            }
            String message = failure.message(UpstreamFailure.Api.TRANSCRIPTION);
            LOG.warn("dictation failed: {} (status {}, request-id {})", message, failure.status(),
                    failure.requestId());
            throw new ChatKitException(failure.kind().code(), failure.httpStatus(), message);
        }
        JsonNode text = answer.get("text");
        if (text == null || !text.isTextual()) {
            LOG.warn("dictation: {} answered without a text field", PATH);
            throw new ChatKitException(UpstreamFailure.Kind.BAD_RESPONSE.code(), 502,
                    "the Audio transcription API answered without a text; try again later");
        }
        return new TranscriptionResult(text.asText());
    }

    /** The file name extension the endpoint recognises for {@code mediaType}. */
    static String extension(String mediaType) {
        return switch (mediaType) {
            case "audio/webm" -> "webm";
            case "audio/ogg" -> "ogg";
            case "audio/mp4", "audio/m4a", "audio/x-m4a" -> "m4a";
            case "audio/mpeg", "audio/mp3" -> "mp3";
            case "audio/wav", "audio/x-wav", "audio/wave" -> "wav";
            case "audio/flac" -> "flac";
            default -> "bin";
        };
    }
}

package com.landki.interview.chatkit.server;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Whether an upload's bytes are what its declared type says: PDF, PNG, JPEG, GIF and WebP images, and WebM, Ogg,
 * MP4, MPEG and WAV audio by their signatures, text types as UTF-8 without NUL bytes. Types without a rule here are accepted as declared (an operator who
 * allows them chooses so). Stateless.
 */
final class ContentSniffer {

    private ContentSniffer() {
    }

    /** True when {@code bytes} fit {@code mediaType} (lower-case, no parameters). */
    static boolean matches(String mediaType, byte[] bytes) {
        return switch (mediaType) {
            case "application/pdf" -> startsWith(bytes, "%PDF-".getBytes(StandardCharsets.US_ASCII));
            case "image/png" -> startsWith(bytes, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            case "image/jpeg" -> startsWith(bytes, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});
            case "image/gif" -> startsWith(bytes, "GIF87a".getBytes(StandardCharsets.US_ASCII))
                    || startsWith(bytes, "GIF89a".getBytes(StandardCharsets.US_ASCII));
            case "image/webp" -> bytes.length >= 12 && startsWith(bytes, "RIFF".getBytes(StandardCharsets.US_ASCII))
                    && bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B' && bytes[11] == 'P';
            case "audio/webm" -> startsWith(bytes, new byte[] {0x1a, 0x45, (byte) 0xdf, (byte) 0xa3}); // EBML
            case "audio/ogg" -> startsWith(bytes, "OggS".getBytes(StandardCharsets.US_ASCII));
            case "audio/mp4" -> bytes.length >= 8 && bytes[4] == 'f' && bytes[5] == 't' && bytes[6] == 'y'
                    && bytes[7] == 'p';
            case "audio/mpeg" -> startsWith(bytes, "ID3".getBytes(StandardCharsets.US_ASCII))
                    || (bytes.length >= 2 && bytes[0] == (byte) 0xff && (bytes[1] & 0xe0) == 0xe0); // frame sync
            case "audio/wav" -> bytes.length >= 12 && startsWith(bytes, "RIFF".getBytes(StandardCharsets.US_ASCII))
                    && bytes[8] == 'W' && bytes[9] == 'A' && bytes[10] == 'V' && bytes[11] == 'E';
            default -> !mediaType.startsWith("text/") || isUtf8Text(bytes);
        };
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUtf8Text(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}

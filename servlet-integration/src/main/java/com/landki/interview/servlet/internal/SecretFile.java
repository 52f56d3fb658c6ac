package com.landki.interview.servlet.internal;

import com.landki.interview.config.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/** A key generated once and kept in a file readable by the owner only. */
public final class SecretFile {

    private SecretFile() {
    }

    /** Reads the base64 key in {@code file}, or creates it with 32 random bytes when it does not exist. */
    public static byte[] readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                try (SeekableByteChannel out = createOwnerOnly(file)) {
                    out.write(ByteBuffer.wrap(Base64.getEncoder().encode(key)));
                    return key;
                } catch (FileAlreadyExistsException e) {
                    // another instance created it first: use theirs, so cookies verify on both
                    return read(file);
                }
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the user-id cookie secret " + file, e);
        }
    }

    /**
     * Creates the file with owner-only permissions from the start, so the key is never readable by others,
     * not even between creating the file and restricting it.
     */
    private static SeekableByteChannel createOwnerOnly(Path file) throws IOException {
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            return Files.newByteChannel(file, options,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            // non-POSIX file system (Windows): the directory's ACL protects the file
            return Files.newByteChannel(file, options);
        }
    }

    private static byte[] read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        byte[] key = Base64.getDecoder().decode(text);
        if (key.length < Settings.MIN_COOKIE_SECRET_BYTES) {
            throw new IOException(file + " holds fewer than " + Settings.MIN_COOKIE_SECRET_BYTES
                    + " key bytes; delete it to generate a new one");
        }
        return key;
    }
}

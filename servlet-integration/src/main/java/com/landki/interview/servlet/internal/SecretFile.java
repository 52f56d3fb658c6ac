package com.landki.interview.servlet.internal;

import com.landki.interview.config.Settings;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A key generated once and kept in a file readable by the owner only. The file appears complete or not at all:
 * the key is written and synced to a temporary file in the same directory, which is then linked to the file's
 * name, so a crash never leaves a half-written key behind and an existing key is never replaced.
 */
public final class SecretFile {

    private static final Logger LOG = LoggerFactory.getLogger(SecretFile.class);
    private static final int KEY_BYTES = 32;

    private SecretFile() {
    }

    /**
     * Reads the base64 key in {@code file}, or creates it with 32 random bytes when it does not exist or is empty
     * (an empty file is what a crash before this class wrote atomically left; it held no key, so none is lost).
     *
     * @throws IllegalStateException the file cannot be read or written, or holds something that is not a key
     */
    public static byte[] readOrCreate(Path file) {
        try {
            if (Files.exists(file) && Files.size(file) == 0) {
                LOG.warn("{} is empty (left by an interrupted start); generating a new user-id cookie secret", file);
                Files.delete(file);
            }
            if (!Files.exists(file)) {
                byte[] key = create(file);
                if (key != null) {
                    return key;
                }
                // another instance created it first: use theirs, so cookies verify on both
            }
            return read(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the user-id cookie secret " + file + " ("
                    + describe(e) + "); make its directory writable, or set USER_ID_COOKIE_SECRET", e);
        }
    }

    /**
     * Whether {@code file} exists and is not empty, so that {@link #readOrCreate} would read a key (or refuse a
     * corrupt one) rather than create one.
     */
    public static boolean holdsKey(Path file) {
        try {
            return Files.exists(file) && Files.size(file) > 0;
        } catch (IOException e) {
            return true; // readOrCreate then names the problem
        }
    }

    /** Writes a new key atomically; {@code null} when the file appeared meanwhile (the caller reads that one). */
    private static byte[] create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path temp = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "."
                + System.nanoTime() + ".tmp");
        try {
            try (FileChannel out = createOwnerOnly(temp)) {
                ByteBuffer text = ByteBuffer.wrap(Base64.getEncoder().encode(key));
                while (text.hasRemaining()) {
                    out.write(text);
                }
                out.force(true); // on disk before the name points at it
            }
            try {
                Files.createLink(file, temp); // fails if the file exists: never replaces a key in use
            } catch (FileAlreadyExistsException e) {
                return null;
            } catch (UnsupportedOperationException | IOException noLinks) {
                if (Files.exists(file)) {
                    return null;
                }
                // a file system without hard links: a rename is atomic too, but may replace a file made meanwhile
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            }
            return key;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Creates the file with owner-only permissions from the start, so the key is never readable by others,
     * not even between creating the file and restricting it.
     */
    private static FileChannel createOwnerOnly(Path file) throws IOException {
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            return FileChannel.open(file, options,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            // non-POSIX file system (Windows): the directory's ACL protects the file
            return FileChannel.open(file, options);
        }
    }

    private static byte[] read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.ISO_8859_1).trim();
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length < Settings.MIN_COOKIE_SECRET_BYTES) {
            // not regenerated silently: whatever wrote it may matter, and a new key signs every user out
            throw new IllegalStateException("the user-id cookie secret " + file + " is corrupt (not a base64 key of at "
                    + "least " + Settings.MIN_COOKIE_SECRET_BYTES + " bytes); delete it to generate a new one "
                    + "(users then lose their cookie identity and with it their threads), or set "
                    + "USER_ID_COOKIE_SECRET");
        }
        return key;
    }

    /** The cause in words: the JDK's file exceptions carry only the path as their message. */
    private static String describe(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e instanceof AccessDeniedException ? "permission denied"
                : e instanceof NoSuchFileException ? "no such file or directory"
                : e instanceof FileAlreadyExistsException ? "a file is in the way"
                : e instanceof FileSystemException ? e.getClass().getSimpleName()
                : String.valueOf(e.getMessage());
    }
}

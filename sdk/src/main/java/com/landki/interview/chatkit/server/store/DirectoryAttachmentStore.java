package com.landki.interview.chatkit.server.store;

import com.landki.interview.chatkit.server.types.internal.ProtocolJson;
import com.landki.interview.store.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@link AttachmentStore#directory(Path)}: {@code <id>.json} (the record) and {@code <id>.bin} (the bytes) per
 * attachment, each written to a temporary file, forced to disk and moved into place, so a crash leaves the old
 * file or the new one. Ids that are not of the form {@code att_<hex>} are never turned into paths. The erase
 * calls read every record (fine for the thousands of attachments of one interview server). One lock per store
 * ({@link RecordAttachmentStore} holds the ownership and erasure rules); one server per directory.
 */
final class DirectoryAttachmentStore extends RecordAttachmentStore {

    private static final Pattern ID = Pattern.compile("att_[0-9a-f]{8,64}");

    private final Path dir;

    private DirectoryAttachmentStore(Path dir) {
        this.dir = dir;
    }

    static DirectoryAttachmentStore open(Path dir) {
        Objects.requireNonNull(dir, "dir");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("cannot create the attachment directory " + dir + ": " + e.getMessage(), e);
        }
        return new DirectoryAttachmentStore(dir);
    }

    @Override
    Optional<StoredAttachment> read(String id) {
        if (!validId(id)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ProtocolJson.mapper().readValue(Files.readAllBytes(record(id)), StoredAttachment.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException("cannot read attachment record " + record(id) + ": " + e.getMessage(), e);
        }
    }

    @Override
    List<StoredAttachment> readAll() {
        List<StoredAttachment> all = new ArrayList<>();
        try (DirectoryStream<Path> records = Files.newDirectoryStream(dir, "att_*.json")) {
            for (Path file : records) {
                read(file.getFileName().toString().replace(".json", "")).ifPresent(all::add);
            }
        } catch (IOException e) {
            throw new StoreException("cannot list the attachment directory " + dir + ": " + e.getMessage(), e);
        }
        return all;
    }

    @Override
    void writeRecord(StoredAttachment attachment) {
        requireId(attachment.id());
        write(record(attachment.id()), ProtocolJson.write(attachment));
    }

    @Override
    void writeContent(String id, byte[] content) {
        write(content(id), content);
    }

    @Override
    Optional<byte[]> readContent(String id) {
        try {
            return Optional.of(Files.readAllBytes(content(id)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException("cannot read attachment " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    void remove(String id) {
        try {
            // the bytes first: a crash in between leaves a record without bytes, never bytes without a record
            Files.deleteIfExists(content(id));
            Files.deleteIfExists(record(id));
        } catch (IOException e) {
            throw new StoreException("cannot delete attachment " + id + ": " + e.getMessage(), e);
        }
    }

    private void write(Path target, byte[] bytes) {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            throw new StoreException("cannot write " + target + ": " + e.getMessage(), e);
        }
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("cannot move " + temp + " to " + target + ": " + e.getMessage(), e);
        }
    }

    private Path record(String id) {
        return dir.resolve(id + ".json");
    }

    private Path content(String id) {
        return dir.resolve(id + ".bin");
    }

    private static boolean validId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    private static void requireId(String id) {
        if (!validId(id)) {
            throw new IllegalArgumentException("attachment ids of this store are att_<hex>, was " + id);
        }
    }
}

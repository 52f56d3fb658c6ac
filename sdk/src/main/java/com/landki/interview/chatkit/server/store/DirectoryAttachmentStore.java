package com.landki.interview.chatkit.server.store;

import com.landki.interview.chatkit.server.types.ChatKitException;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * {@link AttachmentStore#directory(Path)}: {@code <id>.json} (the record) and {@code <id>.bin} (the bytes) per
 * attachment, each written to a temporary file, forced to disk and moved into place, so a crash leaves the old
 * file or the new one. Ids that are not of the form {@code att_<hex>} are never turned into paths. The erase
 * calls read every record (fine for the thousands of attachments of one interview server). One lock per store;
 * one server per directory.
 */
final class DirectoryAttachmentStore implements AttachmentStore {

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
    public synchronized void save(StoredAttachment attachment) {
        requireId(attachment.id());
        Optional<StoredAttachment> old = read(attachment.id());
        if (old.isPresent() && !old.get().userId().equals(attachment.userId())) {
            throw ChatKitException.notFound("attachment", attachment.id());
        }
        write(record(attachment.id()), ProtocolJson.write(attachment));
    }

    @Override
    public synchronized boolean saveContent(String userId, String attachmentId, byte[] content) {
        if (load(userId, attachmentId).isEmpty()) {
            return false;
        }
        write(content(attachmentId), content);
        return true;
    }

    @Override
    public synchronized Optional<StoredAttachment> load(String userId, String attachmentId) {
        return validId(attachmentId) ? read(attachmentId).filter(a -> a.userId().equals(userId)) : Optional.empty();
    }

    @Override
    public synchronized Optional<byte[]> loadContent(String userId, String attachmentId) {
        if (load(userId, attachmentId).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(content(attachmentId)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException("cannot read attachment " + attachmentId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized boolean delete(String userId, String attachmentId) {
        if (load(userId, attachmentId).isEmpty()) {
            return false;
        }
        remove(attachmentId);
        return true;
    }

    @Override
    public synchronized int eraseThread(String threadId) {
        return eraseWhere(a -> threadId.equals(a.threadId()));
    }

    @Override
    public synchronized int eraseUser(String userId) {
        return eraseWhere(a -> a.userId().equals(userId));
    }

    @Override
    public synchronized int eraseUnusedCreatedBefore(Instant cutoff) {
        return eraseWhere(a -> a.threadId() == null && a.createdAt().isBefore(cutoff));
    }

    private int eraseWhere(Predicate<StoredAttachment> which) {
        List<String> ids = new ArrayList<>();
        try (DirectoryStream<Path> records = Files.newDirectoryStream(dir, "att_*.json")) {
            for (Path file : records) {
                String id = file.getFileName().toString().replace(".json", "");
                read(id).filter(which).ifPresent(a -> ids.add(id));
            }
        } catch (IOException e) {
            throw new StoreException("cannot list the attachment directory " + dir + ": " + e.getMessage(), e);
        }
        ids.forEach(this::remove);
        return ids.size();
    }

    private Optional<StoredAttachment> read(String id) {
        try {
            return Optional.of(ProtocolJson.mapper().readValue(Files.readAllBytes(record(id)), StoredAttachment.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException("cannot read attachment record " + record(id) + ": " + e.getMessage(), e);
        }
    }

    private void remove(String id) {
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

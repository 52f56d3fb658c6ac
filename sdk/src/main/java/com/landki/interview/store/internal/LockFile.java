package com.landki.interview.store.internal;

import com.landki.interview.store.StoreLockedException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock file next to a log ({@code feedback.jsonl.lock}): held while the log is open, so a second writer on
 * the same files — another process, or a second open in this one — is refused instead of interleaving records.
 * The holder's pid is written into it, so the refusal can name the process. The OS releases the lock when the
 * process dies, however it dies.
 */
final class LockFile {

    private final FileChannel channel;
    private final FileLock lock;

    private LockFile(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock file {@code lockPath} of the log {@code logFile}.
     *
     * @throws StoreLockedException this process or another one holds it
     * @throws IOException          the file cannot be created or written
     */
    static LockFile acquire(Path lockPath, Path logFile) throws IOException {
        FileChannel channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            channel.close();
            throw new StoreLockedException(logFile + " is already open in this process (lock file " + lockPath
                    + "); share one store instead of opening the directory twice");
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = readHolder(channel);
            channel.close();
            throw new StoreLockedException(logFile + " is in use by another process" + holder + " (lock file "
                    + lockPath + "); stop that server or give this one another INTERVIEW_LOG_DIR");
        }
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n")
                    .getBytes(StandardCharsets.US_ASCII)), 0);
        } catch (IOException e) {
            lock.release();
            channel.close();
            throw e;
        }
        return new LockFile(channel, lock);
    }

    private static String readHolder(FileChannel channel) {
        try {
            ByteBuffer b = ByteBuffer.allocate(32);
            channel.read(b, 0);
            String pid = new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).trim();
            return pid.isEmpty() ? "" : " (pid " + pid + ")";
        } catch (IOException e) {
            return " (pid unknown: " + e.getMessage() + ")";
        }
    }

    /** Lets the next opener in. The file itself stays; its content is the last holder's pid. */
    void release() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}

package com.landki.interview.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.landki.interview.store.StoreLockedException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockFileTest {

    @TempDir
    Path dir;

    private Path lockPath() {
        return dir.resolve("feedback.jsonl.lock");
    }

    private Path logFile() {
        return dir.resolve("feedback.jsonl");
    }

    @Test
    void aSecondAcquireInTheSameProcessIsRefusedUntilTheFirstIsReleased() throws IOException {
        LockFile first = LockFile.acquire(lockPath(), logFile());

        assertThatThrownBy(() -> LockFile.acquire(lockPath(), logFile()))
                .isInstanceOf(StoreLockedException.class)
                .hasMessageContaining("already open in this process")
                .hasMessageContaining(lockPath().toString());

        first.release();
        LockFile.acquire(lockPath(), logFile()).release();
    }

    @Test
    void theHoldersPidIsWrittenIntoTheLockFile() throws IOException {
        LockFile lock = LockFile.acquire(lockPath(), logFile());
        try {
            assertThat(Files.readString(lockPath(), StandardCharsets.US_ASCII))
                    .isEqualTo(ProcessHandle.current().pid() + "\n");
        } finally {
            lock.release();
        }
    }

    @Test
    void anotherProcessIsRefusedWithItsPidAndTheLockIsFreeOnceThatProcessIsKilled() throws Exception {
        Process holder = startHolder();
        try {
            assertThatThrownBy(() -> LockFile.acquire(lockPath(), logFile()))
                    .isInstanceOf(StoreLockedException.class)
                    .hasMessageContaining("in use by another process (pid " + holder.pid() + ")")
                    .hasMessageContaining("INTERVIEW_LOG_DIR");
        } finally {
            holder.destroyForcibly();           // SIGKILL: no release, the OS drops the lock
        }
        assertThat(holder.waitFor()).isNotZero();

        LockFile.acquire(lockPath(), logFile()).release();
    }

    /** Starts {@link LockHolder} on the same lock file and waits until it reports that it holds it. */
    private Process startHolder() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), lockPath().toString(), logFile().toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("locked");
        return p;
    }

    /** Child JVM: takes the lock file, says so, and holds it until it is killed or its stdin closes. */
    public static final class LockHolder {
        private LockHolder() {
        }

        public static void main(String[] args) throws IOException {
            LockFile.acquire(Path.of(args[0]), Path.of(args[1]));
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock
            }
        }
    }
}

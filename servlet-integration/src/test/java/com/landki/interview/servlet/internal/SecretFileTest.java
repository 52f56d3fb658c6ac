package com.landki.interview.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user-id cookie secret file as an operator meets it: created complete or not at all, the empty file an old
 * crash left regenerated with a warning, a corrupt one refused with what to do, an unusable directory named
 * together with the setting that avoids it.
 */
class SecretFileTest {

    @TempDir
    Path dir;

    @Test
    void instancesStartingTogetherCreateOneCompleteOwnerOnlyKeyAndAllUseIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            // many rounds: a reader must never see a file that is created but not yet written
            for (int round = 0; round < 100; round++) {
                Path file = dir.resolve("round-" + round).resolve("user-id-cookie.secret");
                CountDownLatch go = new CountDownLatch(1);
                List<CompletableFuture<byte[]>> keys = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    keys.add(CompletableFuture.supplyAsync(() -> {
                        await(go);
                        return SecretFile.readOrCreate(file);
                    }, pool));
                }
                go.countDown();
                byte[] first = keys.get(0).get(10, TimeUnit.SECONDS);
                for (CompletableFuture<byte[]> key : keys) {
                    assertThat(key.get(10, TimeUnit.SECONDS)).hasSize(32).isEqualTo(first);
                }
                assertThat(Files.readString(file).trim()).isEqualTo(Base64.getEncoder().encodeToString(first));
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
                try (var left = Files.list(file.getParent())) {
                    assertThat(left).as("no temporary file left behind").containsExactly(file);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anEmptyFileLeftByACrashIsRegeneratedWithAWarning() throws Exception {
        Path file = dir.resolve("user-id-cookie.secret");
        Files.createFile(file);

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        byte[] key;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            key = SecretFile.readOrCreate(file);
        } finally {
            System.setErr(original);
        }

        assertThat(key).hasSize(32);
        assertThat(SecretFile.readOrCreate(file)).isEqualTo(key);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("WARN").contains(file.toString())
                .contains("empty");
    }

    @Test
    void aCorruptFileIsRefusedWithTheFileAndWhatDeletingItCosts() throws Exception {
        Path file = dir.resolve("user-id-cookie.secret");
        Files.writeString(file, "this is not a key!");

        assertThatThrownBy(() -> SecretFile.readOrCreate(file)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("delete it")
                .hasMessageContaining("lose their cookie identity");
        assertThat(Files.readString(file)).as("left as it was").isEqualTo("this is not a key!");

        Files.writeString(file, Base64.getEncoder().encodeToString(new byte[8])); // decodes, but too short
        assertThatThrownBy(() -> SecretFile.readOrCreate(file)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("delete it");
    }

    @Test
    void aDirectoryThatCannotHoldTheFileIsNamedWithTheSettingThatAvoidsIt() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("logs"), "a regular file");
        Path file = notADirectory.resolve("user-id-cookie.secret");

        assertThatThrownBy(() -> SecretFile.readOrCreate(file)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("USER_ID_COOKIE_SECRET");
    }

    private static void await(CountDownLatch go) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

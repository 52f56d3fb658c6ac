package com.landki.interview.chatkit.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryAttachmentStoreTest extends AttachmentStoreContract {

    @TempDir
    Path dir;

    @Override
    AttachmentStore store() {
        return AttachmentStore.directory(dir.resolve("chatkit-attachments"));
    }

    @Test
    void recordsAndBytesSurviveARestartAndErasureLeavesNoFile() throws Exception {
        store().save(pending("att_0000000001", "alice", T0));
        store().saveContent("alice", "att_0000000001", new byte[] {4, 5});

        AttachmentStore reopened = store();
        assertThat(reopened.loadContent("alice", "att_0000000001")).hasValueSatisfying(b -> assertThat(b).containsExactly(4, 5));
        assertThat(reopened.eraseUser("alice")).isEqualTo(1);
        try (var files = Files.list(dir.resolve("chatkit-attachments"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anIdThatIsNoAttachmentIdOfOursIsNeverAPath() {
        assertThat(store().load("alice", "../../etc/passwd")).isEmpty();
        assertThat(store().loadContent("alice", "att_../x")).isEmpty();
    }
}

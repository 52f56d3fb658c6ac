package com.landki.interview.chatkit.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.landki.interview.chatkit.server.types.Attachment;
import com.landki.interview.chatkit.server.types.ChatKitException;
import com.landki.interview.chatkit.server.types.UploadDescriptor;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every {@link AttachmentStore} does: owner-scoped records and bytes, and the operators' erasure. */
abstract class AttachmentStoreContract {

    static final Instant T0 = Instant.parse("2026-11-26T03:00:00Z");

    abstract AttachmentStore store();

    static StoredAttachment pending(String id, String user, Instant created) {
        Attachment attachment = new Attachment(Attachment.IMAGE, id, id + ".png", "image/png",
                UploadDescriptor.post("https://x/attachments/" + id + "/upload"), null, "https://x/" + id);
        return new StoredAttachment(attachment, user, 3, created, false);
    }

    @Test
    void aRecordAndItsBytesAreReadBackByTheOwnerOnly() {
        AttachmentStore store = store();
        StoredAttachment created = pending("att_0000000001", "alice", T0);
        store.save(created);

        assertThat(store.load("alice", "att_0000000001")).contains(created);
        assertThat(store.load("bob", "att_0000000001")).isEmpty();
        assertThat(store.loadContent("alice", "att_0000000001")).as("no bytes yet").isEmpty();
        assertThat(store.saveContent("bob", "att_0000000001", new byte[] {1})).isFalse();
        assertThat(store.saveContent("alice", "att_0000000001", new byte[] {1, 2, 3})).isTrue();
        store.save(created.withContent(3));

        assertThat(store.loadContent("alice", "att_0000000001")).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
        assertThat(store.loadContent("bob", "att_0000000001")).isEmpty();
        StoredAttachment read = store.load("alice", "att_0000000001").orElseThrow();
        assertThat(read.uploaded()).isTrue();
        assertThat(read.attachment().uploadDescriptor()).isNull();
        assertThat(read.attachment().previewUrl()).isEqualTo("https://x/att_0000000001");
    }

    @Test
    void anotherUserCannotOverwriteOrDeleteARecord() {
        AttachmentStore store = store();
        store.save(pending("att_0000000001", "alice", T0));

        assertThatThrownBy(() -> store.save(pending("att_0000000001", "bob", T0)))
                .isInstanceOf(ChatKitException.class);
        assertThat(store.delete("bob", "att_0000000001")).isFalse();
        assertThat(store.load("alice", "att_0000000001")).isPresent();
        assertThat(store.delete("alice", "att_0000000001")).isTrue();
        assertThat(store.load("alice", "att_0000000001")).isEmpty();
        assertThat(store.delete("alice", "att_0000000001")).isFalse();
    }

    @Test
    void erasureByThreadByUserAndOfUnusedOnes() {
        AttachmentStore store = store();
        store.save(pending("att_0000000001", "alice", T0).inThread("thr_1"));
        store.save(pending("att_0000000002", "alice", T0).inThread("thr_2"));
        store.save(pending("att_0000000003", "alice", T0));
        store.save(pending("att_0000000004", "alice", T0.plusSeconds(3600)));
        store.save(pending("att_0000000005", "bob", T0));
        store.saveContent("alice", "att_0000000001", new byte[] {9});

        assertThat(store.eraseThread("thr_1")).isEqualTo(1);
        assertThat(store.load("alice", "att_0000000001")).isEmpty();
        assertThat(store.loadContent("alice", "att_0000000001")).isEmpty();

        assertThat(store.eraseUnusedCreatedBefore(T0.plusSeconds(60))).isEqualTo(2);
        assertThat(store.load("alice", "att_0000000003")).isEmpty();
        assertThat(store.load("bob", "att_0000000005")).isEmpty();
        assertThat(store.load("alice", "att_0000000004")).as("younger").isPresent();
        assertThat(store.load("alice", "att_0000000002")).as("used").isPresent();

        assertThat(store.eraseUser("alice")).isEqualTo(2);
        assertThat(store.load("alice", "att_0000000002")).isEmpty();
        assertThat(store.load("alice", "att_0000000004")).isEmpty();
    }
}

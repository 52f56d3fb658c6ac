package com.landki.interview.chatkit.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.landki.interview.testing.EmbeddedPostgresServer;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract against a real PostgreSQL (one server for the class, a database per test). */
@Timeout(60)
class PostgresAttachmentStoreTest extends AttachmentStoreContract {

    @RegisterExtension
    static final EmbeddedPostgresServer POSTGRES = new EmbeddedPostgresServer();
    private DataSource dataSource;

    @BeforeEach
    void createDatabase() {
        dataSource = POSTGRES.createDatabase("attachments").dataSource();
    }

    @Override
    AttachmentStore store() {
        return AttachmentStore.postgres(dataSource);
    }

    @Test
    void twoInstancesShareRecordsAndBytes() {
        AttachmentStore first = store();
        AttachmentStore second = store();
        first.save(pending("att_0000000001", "alice", T0));
        second.saveContent("alice", "att_0000000001", new byte[] {7, 8});

        assertThat(first.loadContent("alice", "att_0000000001")).hasValueSatisfying(b -> assertThat(b).containsExactly(7, 8));
    }
}

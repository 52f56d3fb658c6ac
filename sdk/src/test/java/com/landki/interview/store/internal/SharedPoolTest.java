package com.landki.interview.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.landki.interview.chatkit.server.setup.ChatKitBackend;
import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.chatkit.server.types.ThreadMetadata;
import com.landki.interview.config.ConfigSource;
import com.landki.interview.store.InterviewStore;
import com.landki.interview.store.StoreConfig;
import com.landki.interview.testing.EmbeddedPostgresServer;
import com.zaxxer.hikari.HikariConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The interview store and the own ChatKit server's thread store on one database use one connection pool. */
class SharedPoolTest {

    @RegisterExtension
    static final EmbeddedPostgresServer POSTGRES = new EmbeddedPostgresServer();

    @Test
    void bothStoresOfOneDatabaseShareOnePoolThatClosesWithTheLastOfThem() {
        EmbeddedPostgresServer.Database database = POSTGRES.createDatabase("pool");
        ConfigSource env = ConfigSource.of(Map.of("INTERVIEW_STORE", "postgres",
                "INTERVIEW_JDBC_URL", database.jdbcUrl(), "INTERVIEW_JDBC_USER", EmbeddedPostgresServer.USER,
                "OPENAI_API_KEY", "sk-x"));
        try (InterviewStore interview = InterviewStore.open(StoreConfig.from(env))) {
            try (ChatKitBackend backend = ChatKitBackend.from(env, interview)) {
                assertThat(HikariPools.openPools()).isEqualTo(1);
                backend.server().store().saveThread("alice", ThreadMetadata.of("thr_1", Instant.EPOCH));
            }
            // the thread store let go of its share; the interview store keeps the pool and still works
            assertThat(HikariPools.openPools()).isEqualTo(1);
            assertThat(interview.feedback().newest(1)).isEmpty();
            assertThat(ThreadStore.postgres(database.dataSource()).loadThread("alice", "thr_1")).isPresent();
        }
        assertThat(HikariPools.openPools()).isZero();
    }

    @Test
    void aRequestWaitsForAConnectionNoLongerThanTheConnectTimeout() {
        HikariConfig hc = new HikariConfig();
        HikariPools.applyConnectTimeout(hc, StoreConfig.builder().jdbcUrl("jdbc:postgresql://db/interview")
                .jdbcConnectTimeout(Duration.ofMillis(1500)).build());
        assertThat(hc.getConnectionTimeout()).isEqualTo(1500);
        assertThat(hc.getValidationTimeout()).isEqualTo(1500);
        // pgjdbc counts whole seconds
        assertThat(hc.getDataSourceProperties()).containsEntry("connectTimeout", "2").containsEntry("loginTimeout", "2");
    }
}

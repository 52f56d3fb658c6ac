package com.landki.interview.bench.store;

import com.landki.interview.store.FeedbackEntry;
import com.landki.interview.store.FeedbackStore;
import com.landki.interview.store.InterviewStore;
import com.landki.interview.store.StoreConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The PostgreSQL store on an embedded PostgreSQL (same machine, default settings, synchronous commit):
 * appends at 1 and 8 threads (throughput) and newest-50 on a table of 200,000 rows (average time).
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PostgresStoreBench {

    private EmbeddedPostgres postgres;
    private InterviewStore store;
    private FeedbackStore feedback;
    private final FeedbackEntry entry = BenchData.entry(0);

    @Setup(Level.Trial)
    public void start() throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder().start();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        store = InterviewStore.open(StoreConfig.builder().type("postgres").jdbcUrl(url).jdbcUser("postgres")
                .build());
        feedback = store.feedback();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("insert into interview_feedback (id, ts, session_id, kind, category, payload)"
                    + " select 'fb_seed' || g, now(), 'sess_' || (g % 1000), 'public', 'out_of_scope',"
                    + " jsonb_build_object('id', 'fb_seed' || g, 'ts', '2026-11-26T00:00:00Z', 'kind', 'public',"
                    + " 'session_id', 'sess_' || (g % 1000), 'user_question', 'Frage ' || g,"
                    + " 'assistant_reply', 'Antwort ' || g, 'category', 'out_of_scope')"
                    + " from generate_series(1, 200000) g");
            st.execute("analyze interview_feedback");
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        store.close();
        postgres.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @Threads(1)
    public FeedbackEntry append_1thread() {
        return feedback.append(entry);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @Threads(8)
    public FeedbackEntry append_8threads() {
        return feedback.append(entry);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<FeedbackEntry> newest50() {
        return feedback.newest(50);
    }
}

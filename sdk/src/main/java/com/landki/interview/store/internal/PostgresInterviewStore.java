package com.landki.interview.store.internal;

import com.landki.interview.store.ChatEvent;
import com.landki.interview.store.ChatEventLog;
import com.landki.interview.store.FeedbackEntry;
import com.landki.interview.store.FeedbackStore;
import com.landki.interview.store.InterviewStore;
import com.landki.interview.store.StoreConfig;
import com.landki.interview.store.StoreException;
import com.landki.interview.store.StoreStats;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The PostgreSQL store: tables {@code interview_feedback} and {@code interview_chat_event}, each entry as a
 * {@code jsonb} payload plus the columns that queries need (id, ts, session id, and what the stats count).
 * Several server instances may share one database; stats are computed by the database, so they agree across
 * instances. The schema is created or migrated at open under an advisory lock. Thread-safe.
 */
public final class PostgresInterviewStore implements InterviewStore {

    /** Migrations in order; each runs once, in its own transaction, recorded in interview_schema_version. */
    static final List<String> MIGRATIONS = List.of(
            "create table interview_feedback ("
                    + " seq bigserial primary key,"
                    + " id text not null unique,"
                    + " ts timestamptz not null,"
                    + " session_id text not null,"
                    + " kind text not null,"
                    + " category text,"
                    + " payload jsonb not null);"
                    + "create index interview_feedback_session_idx on interview_feedback (session_id);"
                    + "create table interview_chat_event ("
                    + " seq bigserial primary key,"
                    + " id text not null unique,"
                    + " ts timestamptz not null,"
                    + " session_id text,"
                    + " type text not null,"
                    + " out_of_scope boolean,"
                    + " payload jsonb not null);"
                    + "create index interview_chat_event_session_idx on interview_chat_event (session_id);"
                    + "create index interview_chat_event_type_idx on interview_chat_event (type)",
            // v2: the hourly stats series reads the last 48 hours; without this it scanned the whole table
            "create index interview_chat_event_ts_idx on interview_chat_event (ts)",
            // v3: secrets all instances share (the user-id cookie key), so a cookie from one verifies on all
            "create table interview_secret ("
                    + " name text primary key,"
                    + " value bytea not null,"
                    + " created_at timestamptz not null default now())");

    private static final long MIGRATION_LOCK = 0x696e7476L;   // any constant shared by all instances

    private final DataSource dataSource;
    private final AutoCloseable ownedPool;
    private final Clock clock;
    private final Feedback feedback;
    private final Chat chat;

    private PostgresInterviewStore(DataSource dataSource, AutoCloseable ownedPool, Clock clock) {
        this.dataSource = dataSource;
        this.ownedPool = ownedPool;
        this.clock = clock;
        this.feedback = new Feedback(dataSource, clock);
        this.chat = new Chat(dataSource, clock);
    }

    /** Leases the pool of the configured database (released with the store) and migrates the schema. */
    public static InterviewStore open(StoreConfig config) {
        HikariPools.Lease pool = HikariPools.acquire(config);
        try {
            return open(pool.dataSource(), pool, config.clock());
        } catch (RuntimeException e) {
            closeQuietly(pool, e);
            throw e;
        }
    }

    /** A store on a data source the caller owns. */
    public static InterviewStore open(DataSource dataSource, Clock clock) {
        return open(dataSource, null, clock);
    }

    private static InterviewStore open(DataSource dataSource, AutoCloseable ownedPool, Clock clock) {
        migrate(dataSource);
        return new PostgresInterviewStore(dataSource, ownedPool, clock);
    }

    static void migrate(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                // the advisory lock makes instances that start together migrate one after the other
                st.execute("select pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
                st.execute("create table if not exists interview_schema_version ("
                        + " version int primary key, applied_at timestamptz not null default now())");
                int current;
                try (ResultSet rs = st.executeQuery("select coalesce(max(version), 0) from interview_schema_version")) {
                    rs.next();
                    current = rs.getInt(1);
                }
                for (int v = current + 1; v <= MIGRATIONS.size(); v++) {
                    for (String sql : MIGRATIONS.get(v - 1).split(";")) {
                        st.execute(sql);
                    }
                    st.execute("insert into interview_schema_version (version) values (" + v + ")");
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw PgEntryStore.failure("cannot create or migrate the schema", e);
        }
    }

    @Override
    public Optional<byte[]> sharedSecret(String name, Supplier<byte[]> initial) {
        Objects.requireNonNull(name, "name");
        try (Connection c = dataSource.getConnection()) {
            byte[] stored = readSecret(c, name);
            if (stored != null) {
                return Optional.of(stored);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into interview_secret (name, value) values (?, ?) on conflict (name) do nothing")) {
                ps.setString(1, name);
                ps.setBytes(2, Objects.requireNonNull(initial.get(), "initial value"));
                ps.executeUpdate();
            }
            // read again: when instances start together, the one whose insert came first wins for all
            return Optional.of(readSecret(c, name));
        } catch (SQLException e) {
            throw PgEntryStore.failure("cannot read or store the shared secret " + name, e);
        }
    }

    private static byte[] readSecret(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select value from interview_secret where name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    @Override
    public FeedbackStore feedback() {
        return feedback;
    }

    @Override
    public ChatEventLog chatLog() {
        return chat;
    }

    @Override
    public StoreStats stats() {
        Map<String, Long> byCategory = new HashMap<>();
        Map<String, Long> byKind = new HashMap<>();
        long feedbackTotal = 0;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery(
                    "select kind, category, count(*) from interview_feedback group by kind, category")) {
                while (rs.next()) {
                    long n = rs.getLong(3);
                    feedbackTotal += n;
                    byKind.merge(rs.getString(1), n, Long::sum);
                    if (rs.getString(2) != null) {
                        byCategory.merge(rs.getString(2), n, Long::sum);
                    }
                }
            }
            long created;
            long failed;
            long classified;
            long outOfScope;
            long conversations;
            try (ResultSet rs = st.executeQuery("select" + CHAT_COUNTS + " from interview_chat_event")) {
                rs.next();
                created = rs.getLong(1);
                failed = rs.getLong(2);
                classified = rs.getLong(3);
                outOfScope = rs.getLong(4);
                conversations = rs.getLong(5);
            }
            return new StoreStats(created, failed, feedbackTotal, byCategory, byKind, classified, outOfScope,
                    conversations, hourly(c));
        } catch (SQLException e) {
            throw PgEntryStore.failure("cannot read stats", e);
        }
    }

    /** The chat counters in the order sessions created, failed, classified, out of scope, conversations. */
    private static final String CHAT_COUNTS = ""
            + " count(*) filter (where type = '" + ChatEvent.SESSION_CREATED + "'),"
            + " count(*) filter (where type = '" + ChatEvent.SESSION_FAILED + "'),"
            + " count(*) filter (where type = '" + ChatEvent.RESPONSE_CLASSIFIED + "'),"
            + " count(*) filter (where type = '" + ChatEvent.RESPONSE_CLASSIFIED + "' and out_of_scope),"
            + " count(*) filter (where type = '" + ChatEvent.THREAD_CREATED + "')";

    /** The last {@link StoreStats#HOURS} UTC hours by the store's clock (not the database's), dense. */
    private List<StoreStats.Hour> hourly(Connection c) throws SQLException {
        Instant now = clock.instant();
        long first = HourlyCounter.firstHour(now);
        Map<Long, StoreStats.Hour> byHour = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select"
                + " extract(epoch from date_trunc('hour', ts at time zone 'UTC'))::bigint / 3600," + CHAT_COUNTS
                + " from interview_chat_event where ts >= ? and ts < ? group by 1")) {
            ps.setObject(1, OffsetDateTime.ofInstant(HourlyCounter.startOf(first), ZoneOffset.UTC));
            ps.setObject(2, OffsetDateTime.ofInstant(HourlyCounter.startOf(first + StoreStats.HOURS),
                    ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long hour = rs.getLong(1);
                    byHour.put(hour, new StoreStats.Hour(HourlyCounter.startOf(hour), rs.getLong(2),
                            rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
                }
            }
        }
        return HourlyCounter.dense(now, byHour);
    }

    @Override
    public String type() {
        return StoreConfig.TYPE_POSTGRES;
    }

    @Override
    public void close() {
        if (ownedPool != null) {
            try {
                ownedPool.close();
            } catch (Exception e) {
                throw new StoreException("cannot close the connection pool: " + e, e);
            }
        }
    }

    private static void closeQuietly(AutoCloseable c, RuntimeException primary) {
        try {
            c.close();
        } catch (Exception e) {
            primary.addSuppressed(e);
        }
    }

    static final class Feedback extends PgEntryStore<FeedbackEntry> implements FeedbackStore {
        Feedback(DataSource ds, Clock clock) {
            super(EntryKind.FEEDBACK, ds, clock, "interview_feedback", "kind, category");
        }

        @Override
        void bindColumns(PreparedStatement ps, FeedbackEntry e, int i) throws SQLException {
            ps.setString(i, e.kind());
            ps.setString(i + 1, e.category());
        }
    }

    static final class Chat extends PgEntryStore<ChatEvent> implements ChatEventLog {
        Chat(DataSource ds, Clock clock) {
            super(EntryKind.CHAT, ds, clock, "interview_chat_event", "type, out_of_scope");
        }

        @Override
        void bindColumns(PreparedStatement ps, ChatEvent e, int i) throws SQLException {
            ps.setString(i, e.type());
            ps.setObject(i + 1, e.outOfScope(), java.sql.Types.BOOLEAN);
        }
    }
}

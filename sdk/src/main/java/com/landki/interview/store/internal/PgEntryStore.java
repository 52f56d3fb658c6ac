package com.landki.interview.store.internal;

import com.landki.interview.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;

/**
 * Entries in one PostgreSQL table: {@code seq} orders them (newest-N walks its primary-key index backwards),
 * {@code session_id} is indexed for erasure, {@code payload} holds the entry as JSON. Each append is one
 * autocommitted insert, so it is durable when it returns. Thread-safe (one pooled connection per call).
 */
abstract class PgEntryStore<T> extends EntryStore<T> {

    private static final int FETCH_SIZE = 500;

    private final DataSource dataSource;
    private final String table;
    private final String insert;
    private final JsonlLog.Codec<T> codec;

    PgEntryStore(EntryKind<T> kind, DataSource dataSource, Clock clock, String table, String columns) {
        super(kind, clock);
        this.dataSource = dataSource;
        this.table = table;
        this.insert = "insert into " + table + " (id, ts, session_id, " + columns + ", payload)"
                + " values (?, ?, ?, ?, ?, ?::jsonb)";
        this.codec = EntryCodecs.forKind(kind);
    }

    /** Binds the two table-specific columns at parameter {@code i} and {@code i + 1}. */
    abstract void bindColumns(PreparedStatement ps, T entry, int i) throws SQLException;

    @Override
    protected void store(T e) {
        byte[] json = codec.encode(e);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(insert)) {
            ps.setString(1, kind.idOf(e));
            ps.setObject(2, OffsetDateTime.ofInstant(kind.tsOf(e), ZoneOffset.UTC));
            ps.setString(3, kind.sessionId(e));
            bindColumns(ps, e, 4);
            ps.setString(6, new String(json, StandardCharsets.UTF_8));
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw failure("cannot insert into " + table, ex);
        }
    }

    @Override
    protected List<T> readNewest(int n) {
        List<T> out = new ArrayList<>(Math.min(n, 1024));
        if (n == 0) {
            return out;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select payload::text from " + table + " order by seq desc limit ?")) {
            ps.setInt(1, n);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(decode(rs.getString(1)));
                }
            }
            return out;
        } catch (SQLException ex) {
            throw failure("cannot read " + table, ex);
        }
    }

    private T decode(String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        try {
            return codec.decode(b, 0, b.length);
        } catch (IOException ex) {
            throw new StoreException("unreadable payload in " + table + ": " + ex, ex);
        }
    }

    /** Streams with a server-side cursor (autocommit off + fetch size), so nothing is loaded all at once. */
    @Override
    public Stream<T> stream() {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(false);
            PreparedStatement ps = c.prepareStatement("select payload::text from " + table + " order by seq");
            ps.setFetchSize(FETCH_SIZE);
            ResultSet rs = ps.executeQuery();
            Connection conn = c;
            Iterator<T> it = new Iterator<>() {
                private Boolean ahead;

                @Override
                public boolean hasNext() {
                    if (ahead == null) {
                        try {
                            ahead = rs.next();
                        } catch (SQLException ex) {
                            throw failure("cannot read " + table, ex);
                        }
                    }
                    return ahead;
                }

                @Override
                public T next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    ahead = null;
                    try {
                        return decode(rs.getString(1));
                    } catch (SQLException ex) {
                        throw failure("cannot read " + table, ex);
                    }
                }
            };
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it,
                    Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(() -> {
                        try (conn; ps; rs) {
                            conn.rollback();
                        } catch (SQLException ex) {
                            throw failure("cannot close a read of " + table, ex);
                        }
                    });
        } catch (SQLException ex) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException suppressed) {
                    ex.addSuppressed(suppressed);
                }
            }
            throw failure("cannot read " + table, ex);
        }
    }

    @Override
    protected long erase(String sessionId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("delete from " + table + " where session_id = ?")) {
            ps.setString(1, sessionId);
            return ps.executeUpdate();
        } catch (SQLException ex) {
            throw failure("cannot erase from " + table, ex);
        }
    }

    static StoreException failure(String what, SQLException e) {
        return new StoreException("PostgreSQL store: " + what + ": " + e.getMessage() + " (SQLState "
                + e.getSQLState() + ")", e);
    }
}

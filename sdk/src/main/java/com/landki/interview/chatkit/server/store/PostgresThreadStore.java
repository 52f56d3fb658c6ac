package com.landki.interview.chatkit.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.landki.interview.chatkit.Page;
import com.landki.interview.chatkit.server.types.ChatKitException;
import com.landki.interview.chatkit.server.types.ThreadItem;
import com.landki.interview.chatkit.server.types.ThreadMetadata;
import com.landki.interview.chatkit.server.types.internal.ProtocolJson;
import com.landki.interview.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Threads and items in PostgreSQL, for several server instances behind one load balancer. Two tables,
 * {@code chatkit_threads} (owner, creation time, the thread as JSON) and {@code chatkit_items} (the item as
 * JSON, kept in insertion order, deleted with their thread); created at start if missing. Every statement
 * names the owner, so another user's thread is never read or changed. Thread-safe; the caller owns (and
 * closes) the data source — a pool such as HikariCP is recommended.
 */
public final class PostgresThreadStore implements ThreadStore {

    private static final String[] SCHEMA = {
        "create table if not exists chatkit_threads (id text primary key, user_id text not null, "
                + "created_at timestamptz not null, data text not null)",
        "create index if not exists chatkit_threads_by_user on chatkit_threads (user_id, created_at, id)",
        "create table if not exists chatkit_items (thread_id text not null references chatkit_threads (id) "
                + "on delete cascade, id text not null, seq bigserial not null, data text not null, "
                + "primary key (thread_id, id))",
        "create index if not exists chatkit_items_by_seq on chatkit_items (thread_id, seq)",
    };
    private static final String OWNED = "exists (select 1 from chatkit_threads t where t.id = ? and t.user_id = ?)";

    private final DataSource dataSource;

    private PostgresThreadStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A store on {@code dataSource}; creates the tables now if they are missing.
     *
     * @param dataSource a PostgreSQL data source; the caller owns it and closes it after the store
     * @return the open store
     * @throws StoreException the database cannot be reached or the schema cannot be created
     */
    public static PostgresThreadStore open(DataSource dataSource) {
        PostgresThreadStore store = new PostgresThreadStore(Objects.requireNonNull(dataSource, "dataSource"));
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            for (String sql : SCHEMA) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot create the ChatKit tables: " + e.getMessage()
                    + " (check INTERVIEW_JDBC_URL and that the user may create tables)", e);
        }
        return store;
    }

    @Override
    public void saveThread(String userId, ThreadMetadata thread) {
        int rows = update("insert into chatkit_threads (id, user_id, created_at, data) values (?, ?, ?, ?) "
                + "on conflict (id) do update set data = excluded.data where chatkit_threads.user_id = excluded.user_id",
                thread.id(), userId, OffsetDateTime.ofInstant(thread.createdAt(), ZoneOffset.UTC), json(thread));
        if (rows == 0) {
            throw ChatKitException.notFound("thread", thread.id());
        }
    }

    @Override
    public Optional<ThreadMetadata> loadThread(String userId, String threadId) {
        List<ThreadMetadata> found = query("select data from chatkit_threads where id = ? and user_id = ?",
                ThreadMetadata.class, threadId, userId);
        return found.stream().findFirst();
    }

    @Override
    public Page<ThreadMetadata> listThreads(String userId, int limit, String after, String order) {
        boolean desc = DESC.equals(order);
        String direction = desc ? "desc" : "asc";
        String sql = "select data, id from chatkit_threads where user_id = ?";
        List<Object> args = new ArrayList<>(List.of(userId));
        if (after != null && loadThread(userId, after).isPresent()) {
            sql += " and (created_at, id) " + (desc ? "<" : ">")
                    + " (select created_at, id from chatkit_threads where id = ? and user_id = ?)";
            args.add(after);
            args.add(userId);
        }
        sql += " order by created_at " + direction + ", id " + direction + " limit ?";
        args.add((long) limit + 1); // long: Integer.MAX_VALUE (all) must not overflow
        return page(query(sql, ThreadMetadata.class, args.toArray()), limit, ThreadMetadata::id);
    }

    @Override
    public boolean deleteThread(String userId, String threadId) {
        return update("delete from chatkit_threads where id = ? and user_id = ?", threadId, userId) > 0;
    }

    @Override
    public boolean eraseThread(String threadId) {
        return update("delete from chatkit_threads where id = ?", threadId) > 0;
    }

    @Override
    public List<String> threadIdsCreatedBefore(java.time.Instant cutoff) {
        return query("select to_json(id)::text from chatkit_threads where created_at < ?", String.class,
                OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
    }

    @Override
    public int eraseThreadsCreatedBefore(java.time.Instant cutoff) {
        return update("delete from chatkit_threads where created_at < ?", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
    }

    @Override
    public void saveItem(String userId, String threadId, ThreadItem item) {
        int rows = update("insert into chatkit_items (thread_id, id, data) select ?, ?, ? where " + OWNED
                + " on conflict (thread_id, id) do update set data = excluded.data",
                threadId, item.id(), json(item), threadId, userId);
        if (rows == 0) {
            throw ChatKitException.notFound("thread", threadId);
        }
    }

    @Override
    public Optional<ThreadItem> loadItem(String userId, String threadId, String itemId) {
        return query("select data from chatkit_items where thread_id = ? and id = ? and " + OWNED,
                ThreadItem.class, threadId, itemId, threadId, userId).stream().findFirst();
    }

    @Override
    public Page<ThreadItem> listItems(String userId, String threadId, int limit, String after, String order) {
        boolean desc = DESC.equals(order);
        String sql = "select data from chatkit_items i where i.thread_id = ? and " + OWNED;
        List<Object> args = new ArrayList<>(List.of(threadId, threadId, userId));
        if (after != null && loadItem(userId, threadId, after).isPresent()) {
            sql += " and i.seq " + (desc ? "<" : ">") + " (select seq from chatkit_items where thread_id = ? and id = ?)";
            args.add(threadId);
            args.add(after);
        }
        sql += " order by i.seq " + (desc ? "desc" : "asc") + " limit ?";
        args.add((long) limit + 1); // long: Integer.MAX_VALUE (all) must not overflow
        return page(query(sql, ThreadItem.class, args.toArray()), limit, ThreadItem::id);
    }

    @Override
    public boolean deleteItem(String userId, String threadId, String itemId) {
        return update("delete from chatkit_items where thread_id = ? and id = ? and " + OWNED,
                threadId, itemId, threadId, userId) > 0;
    }

    private static <T> Page<T> page(List<T> rows, int limit, java.util.function.Function<T, String> id) {
        boolean hasMore = rows.size() > limit;
        List<T> data = hasMore ? rows.subList(0, limit) : rows;
        return new Page<>(data, hasMore, hasMore ? id.apply(data.get(data.size() - 1)) : null);
    }

    private int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = prepare(c, sql, args)) {
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("ChatKit store write failed: " + e.getMessage(), e);
        }
    }

    private <T> List<T> query(String sql, Class<T> type, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = prepare(c, sql, args);
             ResultSet rs = st.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(ProtocolJson.mapper().readValue(rs.getString(1), type));
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException("ChatKit store read failed: " + e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new StoreException("ChatKit store holds a row that is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement st = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            st.setObject(i + 1, args[i]);
        }
        return st;
    }

    private static String json(Object value) {
        return ProtocolJson.writeString(value);
    }
}

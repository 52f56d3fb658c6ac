package com.landki.interview.store.internal;

import com.landki.interview.config.InvalidSettingException;
import com.landki.interview.config.Settings;
import com.landki.interview.store.StoreConfig;
import com.landki.interview.store.StoreException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * The one factory of HikariCP pools, with one pool per database: the interview store and the own ChatKit
 * server's thread store on the same URL and user share a pool. Each user holds a {@link Lease}; the pool closes
 * with the last lease. Kept apart so HikariCP is only loaded when PostgreSQL is used. Thread-safe.
 */
public final class HikariPools {

    /** Connections of one pool: the interview store's appends and the thread store's reads together. */
    static final int MAX_POOL_SIZE = 16;

    private static final Map<String, Shared> POOLS = new HashMap<>();

    private HikariPools() {
    }

    /**
     * A lease on the pool of {@code config}'s database, creating the pool for the first lease.
     *
     * @throws InvalidSettingException there is no JDBC URL
     * @throws StoreException the database cannot be reached; the message names URL and user, never the password
     */
    public static Lease acquire(StoreConfig config) {
        if (config.jdbcUrl() == null) {
            throw new InvalidSettingException(Settings.INTERVIEW_JDBC_URL.name(),
                    "INTERVIEW_STORE=postgres needs INTERVIEW_JDBC_URL (jdbcUrl), e.g. jdbc:postgresql://db:5432/interview",
                    null);
        }
        String key = config.jdbcUrl() + '\u0000' + config.jdbcUser() + '\u0000' + config.jdbcPassword();
        synchronized (POOLS) {
            Shared shared = POOLS.get(key);
            if (shared == null) {
                shared = new Shared(key, create(config));
                POOLS.put(key, shared);
            }
            shared.leases++;
            return new Lease(shared);
        }
    }

    /** Pools open now (for tests: one per database, none after the last lease closed). */
    static int openPools() {
        synchronized (POOLS) {
            return POOLS.size();
        }
    }

    private static HikariDataSource create(StoreConfig config) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("interview-postgres-" + (POOLS.size() + 1));
        hc.setJdbcUrl(config.jdbcUrl());
        if (config.jdbcUser() != null) {
            hc.setUsername(config.jdbcUser());
        }
        if (config.jdbcPassword() != null) {
            hc.setPassword(config.jdbcPassword());
        }
        hc.setMaximumPoolSize(MAX_POOL_SIZE);
        applyConnectTimeout(hc, config);
        try {
            return new HikariDataSource(hc);
        } catch (RuntimeException e) {
            // the message names URL and user only; HikariCP never puts the password into it
            throw new StoreException("cannot connect to PostgreSQL at " + config.jdbcUrl() + " as "
                    + config.jdbcUser() + ": " + e.getMessage() + " (check INTERVIEW_JDBC_URL, INTERVIEW_JDBC_USER, "
                    + "INTERVIEW_JDBC_PASSWORD and that the server accepts connections)", e);
        }
    }

    /**
     * A request waits at most {@link StoreConfig#jdbcConnectTimeout()} for a connection (HikariCP's default is
     * 30 s: during a database outage every request held a thread that long). A dead connection's validity check
     * gets no longer, and pgjdbc's own connect and login timeouts (whole seconds, rounded up) bound each new
     * connection attempt; a timeout given in the URL wins over these.
     */
    static void applyConnectTimeout(HikariConfig hc, StoreConfig config) {
        long millis = config.jdbcConnectTimeout().toMillis();
        hc.setConnectionTimeout(millis);
        hc.setValidationTimeout(Math.min(millis, hc.getValidationTimeout()));
        if (config.jdbcUrl().startsWith("jdbc:postgresql:")) {
            String seconds = Long.toString((millis + 999) / 1000);
            hc.addDataSourceProperty("connectTimeout", seconds);
            hc.addDataSourceProperty("loginTimeout", seconds);
        }
    }

    private static final class Shared {
        final String key;
        final HikariDataSource dataSource;
        int leases;

        Shared(String key, HikariDataSource dataSource) {
            this.key = key;
            this.dataSource = dataSource;
        }
    }

    /** One user's share of a pool; closing it more than once is harmless. */
    public static final class Lease implements AutoCloseable {

        private final Shared shared;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Lease(Shared shared) {
            this.shared = shared;
        }

        public DataSource dataSource() {
            return shared.dataSource;
        }

        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            synchronized (POOLS) {
                if (--shared.leases == 0) {
                    POOLS.remove(shared.key);
                    shared.dataSource.close();
                }
            }
        }
    }
}

package com.landki.interview.store.internal;

import com.landki.interview.store.StoreConfig;
import com.landki.interview.store.StoreException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Creates the pool of the PostgreSQL store. Kept apart so HikariCP is only loaded when PostgreSQL is used. */
final class HikariPools {

    private HikariPools() {
    }

    static HikariDataSource create(StoreConfig config) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("interview-store");
        hc.setJdbcUrl(config.jdbcUrl());
        if (config.jdbcUser() != null) {
            hc.setUsername(config.jdbcUser());
        }
        if (config.jdbcPassword() != null) {
            hc.setPassword(config.jdbcPassword());
        }
        hc.setMaximumPoolSize(16);
        try {
            return new HikariDataSource(hc);
        } catch (RuntimeException e) {
            // the message names URL and user only; HikariCP never puts the password into it
            throw new StoreException("cannot connect to PostgreSQL at " + config.jdbcUrl() + " as "
                    + config.jdbcUser() + ": " + e.getMessage() + " (check INTERVIEW_JDBC_URL, INTERVIEW_JDBC_USER, "
                    + "INTERVIEW_JDBC_PASSWORD and that the server accepts connections)", e);
        }
    }
}

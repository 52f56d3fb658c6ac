package com.landki.interview.servlet.internal;

import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.store.StoreConfig;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.function.Consumer;

/**
 * The PostgreSQL thread store for {@code INTERVIEW_STORE=postgres}. A class of its own so that HikariCP (an
 * optional dependency) is loaded only when PostgreSQL is used.
 */
final class PostgresThreads {

    private PostgresThreads() {
    }

    static ThreadStore open(StoreConfig config, Consumer<AutoCloseable> closeOnDestroy) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.jdbcUser());
        hikari.setPassword(config.jdbcPassword());
        hikari.setPoolName("interview-threads");
        hikari.setMaximumPoolSize(4);
        HikariDataSource dataSource = new HikariDataSource(hikari);
        closeOnDestroy.accept(dataSource);
        return ThreadStore.postgres(dataSource);
    }
}

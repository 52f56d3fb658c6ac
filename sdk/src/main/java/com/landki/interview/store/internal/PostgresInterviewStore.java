package com.landki.interview.store.internal;

import com.landki.interview.store.InterviewStore;
import com.landki.interview.store.StoreConfig;
import java.time.Clock;
import javax.sql.DataSource;

/** Placeholder until the PostgreSQL store lands. */
public final class PostgresInterviewStore {

    private PostgresInterviewStore() {
    }

    public static InterviewStore open(StoreConfig config) {
        throw new UnsupportedOperationException("PostgreSQL store not built yet");
    }

    public static InterviewStore open(DataSource dataSource, Clock clock) {
        throw new UnsupportedOperationException("PostgreSQL store not built yet");
    }
}

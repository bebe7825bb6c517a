package io.lockbench.stress.runner;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.testing.DatabaseFixture;
import io.lockbench.servers.PostgresServer;
import io.lockbench.servers.ServerSource;

/** Run options for a test on a backend: on PostgreSQL, the server the fixtures found (or skip/fail as they do). */
public final class RunsOnBackend {

    private RunsOnBackend() {
    }

    public static RunOptions options(RunOptions base, Backend backend) {
        if (backend != Backend.POSTGRESQL) {
            return base;
        }
        PostgresServer server = DatabaseFixture.assumePostgres();
        return base.withPostgresUrl(server.jdbcUrl(),
                server.source() == ServerSource.USER ? "given" : server.source().displayName());
    }
}

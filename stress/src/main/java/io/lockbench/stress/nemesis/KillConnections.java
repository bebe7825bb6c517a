package io.lockbench.stress.nemesis;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Jdbc;

/**
 * Kills the clients' connections: on PostgreSQL the server terminates their backends
 * ({@code pg_terminate_backend}), found by the run's application name; on SQLite, which has no
 * server, each client's connections are closed under it, mid-transaction if it is in one. The
 * clients see a lost connection; one lost during COMMIT is recorded {@code info}.
 */
final class KillConnections implements Nemesis {

    @Override
    public String name() {
        return "kill-connections";
    }

    @Override
    public String start(NemesisContext context) {
        if (context.backend() == Backend.POSTGRESQL) {
            long killed = context.admin().withConnection(c -> Jdbc.queryLong(c,
                    "SELECT COUNT(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                            + "WHERE application_name = ? AND pid <> pg_backend_pid()) t",
                    context.applicationName()));
            return "terminated " + killed + " client backends";
        }
        int aborted = 0;
        for (ClientHandle client : context.clients()) {
            aborted += client.database().abortConnections();
        }
        return "closed " + aborted + " client connections";
    }

    @Override
    public String heal(NemesisContext context) {
        return "clients reconnect on their next operation";
    }
}

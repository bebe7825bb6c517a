package io.lockbench.stress.nemesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.DatabaseConfig;
import io.lockbench.impl.db.DatabaseException;
import io.lockbench.impl.db.ErrorKind;
import io.lockbench.impl.db.Jdbc;
import io.lockbench.impl.db.JdbcUrls;
import io.lockbench.impl.testing.BackendTest;
import io.lockbench.impl.testing.DatabaseFixture;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;

/** kill-connections: a client in the middle of a transaction loses its connection, and its transaction with it. */
class KillConnectionsIT {

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    @BackendTest
    void aClientInATransaction_seesItsConnectionLost_andNothingOfItIsCommitted(Backend backend) throws Exception {
        String url = databases.newUrl(backend);
        String appName = "lockbench-kill-test";
        String clientUrl = backend == Backend.POSTGRESQL ? JdbcUrls.withParameter(url, "ApplicationName", appName) : url;
        try (Database admin = Database.open(url);
             Database client = Database.open(DatabaseConfig.of(clientUrl).withMaxPoolSize(1))) {
            admin.withConnection(c -> Jdbc.update(c, "CREATE TABLE t (id INTEGER PRIMARY KEY)"));
            TestNemesisContext context = new TestNemesisContext(backend, admin).withClient(client);
            context.applicationName = appName;

            CompletableFuture<Object> tx = CompletableFuture.supplyAsync(() -> {
                try {
                    return client.inTransaction(c -> {
                        Jdbc.update(c, "INSERT INTO t VALUES (1)");
                        try (Statement s = c.createStatement()) {
                            if (backend == Backend.POSTGRESQL) {
                                s.execute("SELECT pg_sleep(5)");
                            } else {
                                Thread.sleep(1_500); // the connection is closed under us meanwhile
                            }
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                        Jdbc.update(c, "INSERT INTO t VALUES (2)");
                        return "committed";
                    });
                } catch (DatabaseException e) {
                    return e;
                }
            });
            Thread.sleep(500);

            String what = new KillConnections().start(context);

            Object outcome = tx.get(30, TimeUnit.SECONDS);
            assertThat(what).matches("(terminated|closed) 1 client (backends|connections)");
            assertThat(outcome).isInstanceOf(DatabaseException.class);
            assertThat(((DatabaseException) outcome).kind()).isEqualTo(ErrorKind.CONNECTION_LOST);
            assertThat(count(admin, "SELECT COUNT(*) FROM t")).isZero();
            // and the client's pool recovers on its own
            assertThat(count(client, "SELECT COUNT(*) FROM t")).isZero();
        }
    }

    private static long count(Database db, String sql) {
        return db.withConnection(c -> Jdbc.queryLong(c, sql));
    }
}

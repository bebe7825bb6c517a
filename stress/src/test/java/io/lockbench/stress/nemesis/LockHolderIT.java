package io.lockbench.stress.nemesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.DatabaseConfig;
import io.lockbench.impl.db.DatabaseException;
import io.lockbench.impl.db.ErrorKind;
import io.lockbench.impl.db.Jdbc;
import io.lockbench.impl.testing.DatabaseFixture;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** lock-holder: while another connection holds SQLite's write lock, writers fail with SQLITE_BUSY; healed, they go on. */
class LockHolderIT {

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    @Test
    void whileTheLockIsHeld_writesFailBusy_andAfterHealingTheySucceed() throws Exception {
        String url = databases.newUrl(Backend.SQLITE);
        try (Database db = Database.open(DatabaseConfig.of(url).withSqliteBusyTimeout(Duration.ofMillis(200)))) {
            db.withConnection(c -> Jdbc.update(c, "CREATE TABLE t (id INTEGER PRIMARY KEY)"));
            TestNemesisContext context = new TestNemesisContext(Backend.SQLITE, db);
            context.sqliteFile = Path.of(url.substring("jdbc:sqlite:".length()));
            SqliteLockHolder holder = new SqliteLockHolder();

            holder.start(context);
            try {
                assertThatThrownBy(() -> db.inTransaction(c -> Jdbc.update(c, "INSERT INTO t VALUES (1)")))
                        .isInstanceOfSatisfying(DatabaseException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.BUSY));
            } finally {
                holder.heal(context);
            }

            db.inTransaction(c -> Jdbc.update(c, "INSERT INTO t VALUES (1)"));
            assertThat(count(db, "SELECT COUNT(*) FROM t")).isEqualTo(1);
        }
    }

    @Test
    void onPostgreSQL_itSaysWhyItCannotRun() {
        TestNemesisContext context = new TestNemesisContext(Backend.POSTGRESQL, null);

        assertThat(new SqliteLockHolder().unavailable(context)).hasValueSatisfying(
                reason -> assertThat(reason).contains("SQLite's database-wide write lock"));
    }

    private static long count(Database db, String sql) {
        return db.withConnection(c -> Jdbc.queryLong(c, sql));
    }
}

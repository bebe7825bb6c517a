package io.lockbench.impl.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unreachable database gives one clear error: the URL without its password, the cause, and
 * how to fix it. These tests need no running server: they point at places where there is none.
 */
class DatabaseConnectionIT {

    @Test
    void aStoppedServerOrWrongPort_namesTheUrlWithoutPasswordAndTheFix() {
        String url = "jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=s3cret";

        assertThatThrownBy(() -> Database.open(DatabaseConfig.of(url).withConnectionTimeout(Duration.ofSeconds(2))))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageStartingWith("cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=***")
                .hasMessageContaining("refused")
                .hasMessageContaining("pg_isready")
                .hasMessageContaining("LOCKBENCH_PG_URL")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void aPasswordInTheUserInfo_isRedactedToo() {
        String url = "jdbc:postgresql://postgres:s3cret@127.0.0.1:1/test";

        assertThatThrownBy(() -> Database.open(DatabaseConfig.of(url).withConnectionTimeout(Duration.ofSeconds(2))))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void aSqliteFileInADirectoryThatDoesNotExist_saysSo(@TempDir Path dir) {
        Path file = dir.resolve("missing").resolve("lockbench.db");

        assertThatThrownBy(() -> Database.sqlite(file))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("cannot connect to SQLite at jdbc:sqlite:" + file)
                .hasMessageContaining("directory exists");
    }

    @Test
    void anUnsupportedUrl_listsTheSupportedOnes() {
        assertThatThrownBy(() -> DatabaseConfig.of("jdbc:oracle:thin:@x:1521:y"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:sqlite:FILE").hasMessageContaining("jdbc:postgresql://");
    }

    @Test
    void aReachableSqliteFile_opensAndAnswersWithTheDatabaseClock(@TempDir Path dir) {
        try (Database db = Database.sqlite(dir.resolve("ok.db"))) {
            long before = System.currentTimeMillis();
            assertThat(db.nowMillis()).isBetween(before - 5_000, before + 5_000);
            assertThat(db.backend()).isEqualTo(Backend.SQLITE);
        }
    }
}

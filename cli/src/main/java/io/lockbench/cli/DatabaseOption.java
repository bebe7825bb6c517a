package io.lockbench.cli;

import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.DatabaseConfig;
import io.lockbench.impl.db.DatabaseUnavailableException;
import io.lockbench.impl.db.JdbcUrls;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --db JDBC_URL} of {@code versions} and {@code claims}: a missing SQLite file is an error, never a new file. */
final class DatabaseOption {

    /** The PostgreSQL driver's own logger (java.util.logging), held so the setting sticks. */
    private static final java.util.logging.Logger QUIET_DRIVER = java.util.logging.Logger.getLogger("org.postgresql");

    @picocli.CommandLine.Option(names = "--db", required = true, paramLabel = "JDBC_URL",
            description = "Database, e.g. jdbc:sqlite:app.db or jdbc:postgresql://127.0.0.1:5432/app?user=me")
    String url;

    Database open(boolean readOnly) {
        QUIET_DRIVER.setLevel(java.util.logging.Level.OFF); // its warnings repeat what the error says
        Path file = JdbcUrls.sqliteFile(url);
        if (file != null && !Files.exists(file)) {
            throw new DatabaseUnavailableException("no such database file: " + file + " ("
                    + JdbcUrls.redact(url) + "); check the path", null);
        }
        return Database.open(DatabaseConfig.of(url).withReadOnly(readOnly).withMaxPoolSize(2));
    }
}

package io.lockbench.impl.db;

/** The dialect of each backend. */
public final class Dialects {

    private static final Dialect SQLITE = new SqliteDialect();
    private static final Dialect POSTGRESQL = new PostgresDialect();

    private Dialects() {
    }

    public static Dialect of(Backend backend) {
        return switch (backend) {
            case SQLITE -> SQLITE;
            case POSTGRESQL -> POSTGRESQL;
        };
    }
}

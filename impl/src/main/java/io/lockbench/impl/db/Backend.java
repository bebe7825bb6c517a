package io.lockbench.impl.db;

import java.util.Locale;

/** The databases lockbench runs its strategies on. */
public enum Backend {
    /** Embedded, one file, the default: works on any machine with nothing installed. */
    SQLITE("SQLite"),
    POSTGRESQL("PostgreSQL");

    private final String displayName;

    Backend(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** The backend a JDBC URL points at. */
    public static Backend ofUrl(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported JDBC URL '" + JdbcUrls.redact(jdbcUrl)
                + "': expected jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DATABASE");
    }

    /** Parses "sqlite" / "postgresql" / "postgres" / "pg" (the command-line spelling). */
    public static Backend parse(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "sqlite":
                return SQLITE;
            case "postgresql":
            case "postgres":
            case "pg":
                return POSTGRESQL;
            default:
                throw new IllegalArgumentException("unknown backend '" + name + "'; valid: sqlite, postgresql");
        }
    }

    @Override
    public String toString() {
        return displayName;
    }
}

package io.lockbench.servers;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Asks a running server what a report must say about it, rather than trusting what was configured. */
final class ServerProbe {

    private ServerProbe() {
    }

    static PostgresServer describe(String jdbcUrl, ServerSource source, String origin) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            // "15.14 (Debian 15.14-0+deb12u1)" → "15.14"
            String version = show(s, "server_version").split(" ", 2)[0];
            return new PostgresServer(jdbcUrl, version, source, origin, show(s, "fsync"), show(s, "synchronous_commit"));
        }
    }

    private static String show(Statement s, String setting) throws SQLException {
        try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}

package io.lockbench.junit;

import io.lockbench.api.Client;
import io.lockbench.api.ClientContext;
import io.lockbench.api.Completion;
import io.lockbench.api.Operation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/**
 * A team's register client as a team would write it, in plain JDBC: compare-and-set on a version
 * column, or (when {@code lostUpdate}) BROKEN on purpose: it reads the version, checks it in Java,
 * then writes without checking it again, so two writers from one version both succeed.
 */
final class AccountClient implements Client {

    private final boolean lostUpdate;
    private DataSource db;

    private AccountClient(boolean lostUpdate) {
        this.lostUpdate = lostUpdate;
    }

    static AccountClient correct() {
        return new AccountClient(false);
    }

    static AccountClient losingUpdates() {
        return new AccountClient(true);
    }

    @Override
    public void setup(ClientContext context) throws SQLException {
        try (Connection c = context.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE account (id TEXT PRIMARY KEY, version BIGINT NOT NULL, balance TEXT)");
        }
    }

    @Override
    public void open(ClientContext context) {
        db = context.dataSource();
    }

    @Override
    public Completion invoke(Operation op) throws Exception {
        try (Connection c = db.getConnection()) {
            String key = (String) op.key();
            long[] version = new long[1];
            String balance = read(c, key, version);
            if (op.f().equals("read")) {
                return Completion.ok(Arrays.asList(version[0], balance));
            }
            List<?> v = (List<?>) op.value();
            long expected = ((Number) v.get(0)).longValue();
            int changed;
            if (expected == 0) {
                changed = update(c, "INSERT INTO account (balance, id, version) VALUES (?, ?, 1) ON CONFLICT (id) DO NOTHING",
                        v.get(1), key);
            } else if (lostUpdate) {
                if (version[0] != expected) {
                    return Completion.fail("VERSION_CONFLICT", "read version " + version[0]);
                }
                Thread.sleep(2); // the application works on what it read
                changed = update(c, "UPDATE account SET balance = ?, version = ? WHERE id = ?", v.get(1), expected + 1, key);
            } else {
                changed = update(c, "UPDATE account SET balance = ?, version = version + 1 WHERE id = ? AND version = ?",
                        v.get(1), key, expected);
            }
            return changed == 1 ? Completion.ok(op.value()) : Completion.fail("VERSION_CONFLICT", "version moved on");
        }
    }

    private static String read(Connection c, String key, long[] version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version, balance FROM account WHERE id = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                version[0] = rs.next() ? rs.getLong(1) : 0;
                return version[0] == 0 ? null : rs.getString(2);
            }
        }
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }
}

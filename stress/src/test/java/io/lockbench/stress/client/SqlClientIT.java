package io.lockbench.stress.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lockbench.api.ClientContext;
import io.lockbench.api.Completion;
import io.lockbench.api.Operation;
import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.Jdbc;
import io.lockbench.impl.testing.BackendTest;
import io.lockbench.impl.testing.DatabaseFixture;
import io.lockbench.stress.scenario.ScenarioException;
import io.lockbench.stress.scenario.ScenarioFiles;
import io.lockbench.stress.scenario.Scenarios;
import io.lockbench.stress.scenario.SqlSpec;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SQL client on a real database: what it tells about broken SQL, and how outcomes follow what the database did. */
class SqlClientIT {

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    private static final String TABLE = "CREATE TABLE account (id TEXT PRIMARY KEY, version BIGINT NOT NULL, balance TEXT)";

    private record Context(String jdbcUrl, String backend) implements ClientContext {
        @Override
        public DataSource dataSource() {
            throw new UnsupportedOperationException();
        }

        @Override
        public long process() {
            return 1;
        }

        @Override
        public Map<String, String> settings() {
            return Map.of();
        }

        @Override
        public Optional<Duration> duration(String setting) {
            return Optional.empty();
        }

        @Override
        public java.time.Clock clock() {
            return java.time.Clock.systemUTC();
        }
    }

    private static SqlSpec sql(String operations) {
        String yaml = "workload: {type: register, keys: 1}\nsql:\n  setup:\n    - " + TABLE
                + "\n    - INSERT INTO account VALUES (:key, 0, NULL)\n  operations:\n" + operations;
        return Scenarios.resolve(ScenarioFiles.parse(yaml, "t.yaml", Map.of()), "t.yaml").sql();
    }

    private static final String READ = """
                read:
                  statements: ["SELECT version, balance AS value FROM account WHERE id = :key"]
            """;

    private SqlClient client(SqlSpec spec, Database db) throws Exception {
        SqlClient c = new SqlClient(spec, "register", "t", List.of("r0"), Set.of("read"));
        Context context = new Context(db.url(), db.backend().name().toLowerCase(Locale.ROOT));
        c.setup(context);
        c.open(context);
        return c;
    }

    private static Operation write(long expected, String value) {
        return new Operation(1, "write", "r0", List.of(expected, value));
    }

    @BackendTest
    void aStatementThatDoesNotPrepare_namesTheStatementAndTheDatabasesMessage(Backend backend) {
        Database db = databases.open(backend);
        SqlSpec spec = sql("""
                    read:
                      statements: ["SELECT version, balance AS value FROM acount WHERE id = :key"]
                    cas:
                      statements: ["UPDATE account SET version = version + 1 WHERE id = :key"]
                """);

        assertThatThrownBy(() -> client(spec, db)).isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("t: sql.operations.read.statements.0 cannot be prepared on "
                        + backend.name().toLowerCase(Locale.ROOT) + ": ")
                .hasMessageContaining("acount")
                .hasMessageEndingWith("(SQL: SELECT version, balance AS value FROM acount WHERE id = :key)");
    }

    @BackendTest
    void aParameterNothingGives_isNamedWithTheAvailableOnes(Backend backend) {
        Database db = databases.open(backend);
        SqlSpec spec = sql(READ + """
                    cas:
                      statements:
                        - SELECT version AS seen FROM account WHERE id = :key
                        - UPDATE account SET version = :sen + 1 WHERE id = :key
                """);

        assertThatThrownBy(() -> client(spec, db)).hasMessage("t: sql.operations.cas.statements.1 uses :sen, which the "
                + "cas operation does not give and no earlier statement returns; available: :key, :process, :expected, "
                + ":value, :seen");
    }

    @BackendTest
    void anAnswerColumnNoStatementReturns_isNamed(Backend backend) {
        Database db = databases.open(backend);
        SqlSpec spec = sql("""
                    read:
                      statements: ["SELECT version, balance FROM account WHERE id = :key"]
                    cas:
                      statements: ["UPDATE account SET version = version + 1 WHERE id = :key"]
                """);

        assertThatThrownBy(() -> client(spec, db)).hasMessage("t: sql.operations.read: its last statement must return "
                + "the column value (alias it: SELECT … AS value); returned: version, balance");
    }

    @BackendTest
    void zeroRowsFailInATransaction_failsTheOperationAndRollsItsChangesBack(Backend backend) throws Exception {
        Database db = databases.open(backend);
        SqlSpec spec = sql(READ + """
                    cas:
                      statements:
                        - UPDATE account SET balance = :value, version = version + 1 WHERE id = :key
                        - sql: SELECT 1 AS ok FROM account WHERE id = :key AND version = :expected + 5
                          zero-rows: fail
                """);
        try (SqlClient c = client(spec, db)) {
            Completion done = c.invoke(write(0, "a"));

            assertThat(done.isFail()).isTrue();
            assertThat(done.errorKind()).isEqualTo("VERSION_CONFLICT");
            assertThat(done.error()).isEqualTo("sql.operations.cas.statements.1 changed or returned no row");
            assertThat(c.invoke(new Operation(1, "read", "r0", null)).value()).isEqualTo(java.util.Arrays.asList(0L, null));
        }
    }

    @BackendTest
    void inAutocommit_aFailureAfterAStatementChangedRows_isUnknown_forTheChangeStays(Backend backend) throws Exception {
        Database db = databases.open(backend);
        SqlSpec spec = sql(READ + """
                    cas:
                      transaction: autocommit
                      statements:
                        - UPDATE account SET balance = :value, version = version + 1 WHERE id = :key
                        - sql: SELECT 1 AS ok FROM account WHERE id = :key AND version = :expected + 5
                          zero-rows: fail
                """);
        try (SqlClient c = client(spec, db)) {
            Completion done = c.invoke(write(0, "a"));

            assertThat(done.isInfo()).isTrue();
            assertThat(done.errorKind()).isEqualTo("PARTIALLY_APPLIED");
            assertThat(c.invoke(new Operation(1, "read", "r0", null)).value()).isEqualTo(List.of(1L, "a"));
        }
    }

    @BackendTest
    void anErrorThePolicyRetries_isTriedTheDeclaredNumberOfTimes_thenFails(Backend backend) throws Exception {
        Database db = databases.open(backend);
        SqlSpec spec = sql(READ + """
                    write:
                      retry: {on: [UNIQUE_VIOLATION], attempts: 3, backoff: 1ms}
                      statements: ["INSERT INTO account (id, version, balance) VALUES (:key, 1, :value)"]
                    cas:
                      statements: ["UPDATE account SET version = version + 1 WHERE id = :key"]
                """);
        try (SqlClient c = client(spec, db)) {
            Completion done = c.invoke(write(0, "a"));

            assertThat(done.isFail()).isTrue();
            assertThat(done.errorKind()).isEqualTo("UNIQUE_VIOLATION");
            assertThat(done.error()).endsWith("(attempt 3 of 3)");
            long rows = db.withConnection(conn -> Jdbc.queryLong(conn, "SELECT COUNT(*) FROM account"));
            assertThat(rows).isEqualTo(1);
        }
    }
}

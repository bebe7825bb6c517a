package io.lockbench.stress.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The {@code sql:} section as people write it: every field read, every mistake named with its path. */
class SqlSectionTest {

    private static final String CAS = """
            workload: {type: register, keys: 2}
            sql:
              setup:
                - CREATE TABLE account (id TEXT PRIMARY KEY, version BIGINT NOT NULL, balance TEXT)
              isolation: serializable
              sqlite-begin: immediate
              retry: {on: [SERIALIZATION_FAILURE, 40001, SQLITE_BUSY], attempts: 5, backoff: 2ms, max-backoff: 40ms}
              operations:
                read:
                  statements:
                    - SELECT version, balance AS value FROM account WHERE id = :key
                cas:
                  transaction: autocommit
                  statements:
                    - sql: UPDATE account SET balance = :value, version = version + 1 WHERE id = :key AND version = :expected
                      zero-rows: fail
                    - sqlite: SELECT 1
                      postgresql: SELECT 2
            """;

    private static Scenario parse(String yaml) {
        return ScenarioFiles.parse(yaml, "x.yaml", Map.of());
    }

    private static Scenario resolve(String yaml) {
        return Scenarios.resolve(parse(yaml), "x.yaml");
    }

    @Test
    void everyFieldOfTheSqlSectionIsRead_plainTextAndMapsAlike() {
        SqlSpec sql = resolve(CAS).sql();

        assertThat(sql.setup()).extracting(SqlStatement::sql).containsExactly(
                "CREATE TABLE account (id TEXT PRIMARY KEY, version BIGINT NOT NULL, balance TEXT)");
        assertThat(sql.isolation()).isEqualTo("serializable");
        assertThat(sql.sqliteBegin()).isEqualTo("immediate");
        assertThat(sql.retry()).isEqualTo(new RetrySpec(List.of("SERIALIZATION_FAILURE", "40001", "SQLITE_BUSY"), 5,
                Duration.ofMillis(2), Duration.ofMillis(40)));
        SqlOperation cas = sql.operations().get("cas");
        assertThat(cas.autocommit()).isTrue();
        assertThat(cas.statements().get(0).failOnZeroRows()).isTrue();
        assertThat(cas.statements().get(1).textFor("sqlite")).isEqualTo("SELECT 1");
        assertThat(cas.statements().get(1).textFor("postgresql")).isEqualTo("SELECT 2");
        assertThat(sql.operations().get("read").autocommit()).isFalse();
    }

    @Test
    void theResolvedScenarioWrittenToARunDirectory_readsBackTheSame() {
        Scenario s = resolve(CAS);

        Scenario again = Scenarios.resolve(ScenarioFiles.parse(ScenarioFiles.toYaml(s), "again.yaml", Map.of()), "again");

        assertThat(again.sql()).isEqualTo(s.sql());
    }

    @Test
    void anOperationTheWorkloadDoesNotHave_isNamedWithTheValidOnes() {
        String yaml = CAS.replace("    cas:", "    append:");

        assertThatThrownBy(() -> resolve(yaml)).isInstanceOf(ScenarioException.class)
                .hasMessage("x.yaml: field 'sql.operations.append': the register workload has no operation 'append'; "
                        + "valid: read, write, cas");
    }

    @Test
    void aMissingOperation_isNamedWithWhatTheWorkloadNeeds() {
        String yaml = CAS.substring(0, CAS.indexOf("    cas:"));

        assertThatThrownBy(() -> resolve(yaml)).hasMessageStartingWith(
                "x.yaml: field 'sql.operations': missing cas; the register workload needs cas, read");
    }

    @Test
    void badValues_nameTheFieldPathAndTheAllowedValues() {
        assertThatThrownBy(() -> resolve(CAS.replace("isolation: serializable", "isolation: snapshot")))
                .hasMessage("x.yaml: field 'sql.isolation': 'snapshot'; valid: read-committed, repeatable-read, serializable");
        assertThatThrownBy(() -> resolve(CAS.replace("sqlite-begin: immediate", "sqlite-begin: now")))
                .hasMessage("x.yaml: field 'sql.sqlite-begin': 'now'; valid: deferred, immediate, exclusive");
        assertThatThrownBy(() -> resolve(CAS.replace("transaction: autocommit", "transaction: two")))
                .hasMessage("x.yaml: field 'sql.operations.cas.transaction': 'two'; valid: one, autocommit");
        assertThatThrownBy(() -> resolve(CAS.replace("zero-rows: fail", "zero-rows: retry")))
                .hasMessage("x.yaml: field 'sql.operations.cas.statements.0.zero-rows': 'retry'; valid: ok, fail");
        assertThatThrownBy(() -> resolve(CAS.replace("attempts: 5", "attempts: 0")))
                .hasMessage("x.yaml: field 'sql.retry.attempts': attempts in all, the first included: 1 to 100, was 0");
        assertThatThrownBy(() -> resolve(CAS.replace("max-backoff: 40ms", "max-backoff: 1ms")))
                .hasMessageContaining("field 'sql.retry': backoff (2ms) must be ≥ 0 and at most max-backoff (1ms)");
    }

    @Test
    void aRetryEntry_mustBeAnErrorKindASqlstateOrASqliteCode() {
        assertThatThrownBy(() -> resolve(CAS.replace("SQLITE_BUSY]", "SQLITE_BUSSY]")))
                .hasMessageStartingWith("x.yaml: field 'sql.retry.on.2': unknown SQLite result code 'SQLITE_BUSSY'");
        assertThatThrownBy(() -> resolve(CAS.replace("40001,", "conflict,")))
                .hasMessageStartingWith("x.yaml: field 'sql.retry.on.1': 'conflict' is none of: an error kind (UNIQUE_VIOLATION,");
    }

    @Test
    void aStatementWithoutTextForABackend_saysHowToGiveOne() {
        assertThatThrownBy(() -> resolve(CAS.replace("postgresql: SELECT 2", "zero-rows: ok")))
                .hasMessage("x.yaml: field 'sql.operations.cas.statements.1': no SQL for postgresql; give sql: "
                        + "(every backend) or sqlite: and postgresql:");
    }

    @Test
    void setupStatements_mayUseOnlyTheKey() {
        String yaml = CAS.replace("balance TEXT)", "balance TEXT)\n    - INSERT INTO account VALUES (:key, :version, NULL)");

        assertThatThrownBy(() -> resolve(yaml)).hasMessage("x.yaml: field 'sql.setup.1': uses :version; setup and "
                + "teardown statements may use only :key (then the statement runs once per key)");
    }

    @Test
    void aWorkloadThatCannotBeWrittenAsSql_andASecondImplementation_areRefused() {
        assertThatThrownBy(() -> resolve(CAS.replace("type: register", "type: agent")))
                .hasMessage("x.yaml: field 'sql': the agent workload cannot be written as SQL; valid workloads: "
                        + "register, sequence, claims");
        assertThatThrownBy(() -> resolve("variant: optimistic\n" + CAS))
                .hasMessage("x.yaml: field 'sql': a scenario runs one implementation: its sql section, or variant "
                        + "optimistic, not both");
    }

    @Test
    void anUnknownFieldInTheSection_isNamedWithTheValidOnes() {
        assertThatThrownBy(() -> parse(CAS.replace("sqlite-begin:", "sqlite-mode:")))
                .hasMessageContaining(": unknown field 'sql.sqlite-mode'; valid fields of sql: isolation, operations, "
                        + "retry, setup, sqlite-begin, teardown");
    }

    @Test
    void everyExampleScenario_resolves() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("..", "scenarios", "examples"))) {
            for (Path f : files.toList()) {
                Scenario s = Scenarios.resolve(ScenarioFiles.read(f), f.toString());
                assertThat(s.sql()).as("%s", f).isNotNull();
                assertThat(s.expectedOn("sqlite")).as("%s declares its verdict on SQLite", f).isNotNull();
                assertThat(s.expectedOn("postgresql")).as("%s declares its verdict on PostgreSQL", f).isNotNull();
                if (s.expectedOn("sqlite").equals("invalid") || s.expectedOn("postgresql").equals("invalid")) {
                    assertThat(s.anomaly()).as("%s names the anomaly it expects", f).isNotNull();
                }
            }
        }
    }
}

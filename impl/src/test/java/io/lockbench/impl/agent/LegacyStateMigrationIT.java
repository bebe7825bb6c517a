package io.lockbench.impl.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.Jdbc;
import io.lockbench.impl.testing.BackendTest;
import io.lockbench.impl.testing.Concurrently;
import io.lockbench.impl.testing.DatabaseFixture;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The legacy global state is what the broken twin writes, so the tests fill it that way. */
class LegacyStateMigrationIT {

    /** The legacy code had no agents and no leases. */
    private static final Lease ANYONE = new Lease("anyone", 0);

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    @BackendTest
    void theDefaultAgent_getsTheLegacyProject_andASecondRunChangesNothing(Backend backend) {
        Database db = databases.open(backend);
        GlobalLastWriterWinsContext legacy = new GlobalLastWriterWinsContext(db);
        legacy.setProject(ANYONE, 0, "apollo");
        legacy.setProject(ANYONE, 0, "borealis");
        LegacyStateMigration migration = new LegacyStateMigration(db);
        AgentScopedContext context = new AgentScopedContext(db);

        LegacyMigrationResult first = migration.migrate();
        LegacyMigrationResult second = migration.migrate();

        assertThat(first).isEqualTo(new LegacyMigrationResult.Imported("default", "borealis", 1));
        assertThat(first.summary()).contains("'borealis'").contains("'default'");
        assertThat(second).isInstanceOfSatisfying(LegacyMigrationResult.AlreadyImported.class, r -> {
            assertThat(r.agent()).isEqualTo("default");
            assertThat(r.project()).isEqualTo("borealis");
        });
        assertThat(second.summary()).startsWith("nothing to do");
        assertThat(context.currentProject("default")).contains(new ProjectSelection("default", "borealis", 1));
    }

    @BackendTest
    void theOldGlobalState_isBackedUpThenCleared_andTheImportRecordedForAudit(Backend backend) {
        Database db = databases.open(backend);
        GlobalLastWriterWinsContext legacy = new GlobalLastWriterWinsContext(db);
        legacy.setProject(ANYONE, 0, "apollo");
        legacy.setProject(ANYONE, 0, "borealis");

        LegacyMigrationResult result = new LegacyStateMigration(db, "main").migrate();

        assertThat(result).isEqualTo(new LegacyMigrationResult.Imported("main", "borealis", 1));
        assertThat(result.summary()).contains("backed up to lb_global_context_backup and cleared");
        assertThat(legacy.currentProject("anyone")).as("the global state after the import").isEmpty();
        Optional<String> backup = db.withConnection(c -> Jdbc.queryOne(c,
                "SELECT project, version FROM lb_global_context_backup WHERE id = 1",
                rs -> rs.getString(1) + "@" + rs.getLong(2)));
        Optional<String> audit = db.withConnection(c -> Jdbc.queryOne(c,
                "SELECT agent, project, legacy_version FROM lb_agent_legacy_import",
                rs -> rs.getString(1) + ":" + rs.getString(2) + "@" + rs.getLong(3)));
        assertThat(backup).contains("borealis@2");
        assertThat(audit).contains("main:borealis@2");
        assertThat(new AgentScopedContext(db).changes("main")).singleElement().satisfies(change -> {
            assertThat(change.project()).isEqualTo("borealis");
            assertThat(change.leaseEpoch()).isEqualTo(ProjectChange.LEGACY_MIGRATION);
        });
    }

    @BackendTest
    void aNotImportedLegacyState_isLeftWhereItIs(Backend backend) {
        Database db = databases.open(backend);
        GlobalLastWriterWinsContext legacy = new GlobalLastWriterWinsContext(db);
        legacy.setProject(ANYONE, 0, "legacy-project");
        Lease lease = ContextScenarios.started(new AgentSessions(db), "default");
        new AgentScopedContext(db).setProject(lease, 0, "own-project");

        new LegacyStateMigration(db).migrate();

        assertThat(legacy.currentProject("anyone").orElseThrow().project()).isEqualTo("legacy-project");
    }

    @Test
    void anUnnamedTargetAgent_isRefused() {
        Database db = databases.open(Backend.SQLITE);

        assertThatThrownBy(() -> new LegacyStateMigration(db, " "))
                .hasMessageContaining("the target agent of the legacy migration must be named");
    }

    @BackendTest
    void theImportedAgent_hasNoLeaseUntilStarted_thenWorksLikeAnyOther(Backend backend) {
        Database db = databases.open(backend);
        new GlobalLastWriterWinsContext(db).setProject(ANYONE, 0, "apollo");
        new LegacyStateMigration(db).migrate("main");
        AgentSessions sessions = new AgentSessions(db);
        AgentScopedContext context = new AgentScopedContext(db);

        AgentSession imported = sessions.find("main").orElseThrow();
        assertThat(imported.status()).isEqualTo(AgentStatus.ENDED);
        assertThat(context.setProject(imported.lease(), 1, "borealis")).isInstanceOf(LeaseExpired.class);
        StartResult started = sessions.start("main");
        assertThat(started.session().project()).isEqualTo("apollo");
        assertThat(context.setProject(((StartResult.Started) started).lease(), 1, "borealis"))
                .isEqualTo(new ProjectUpdate.Updated(2));
    }

    @BackendTest
    void withNoLegacyProject_thereIsNothingToImport(Backend backend) {
        Database db = databases.open(backend);

        assertThat(new LegacyStateMigration(db).migrate()).isEqualTo(new LegacyMigrationResult.NothingToImport());
        assertThat(new AgentSessions(db).find("default")).isEmpty();
    }

    @BackendTest
    void aDefaultAgentWithItsOwnProject_isNotOverwritten(Backend backend) {
        Database db = databases.open(backend);
        new GlobalLastWriterWinsContext(db).setProject(ANYONE, 0, "legacy-project");
        Lease lease = ContextScenarios.started(new AgentSessions(db), "default");
        AgentScopedContext context = new AgentScopedContext(db);
        context.setProject(lease, 0, "own-project");

        LegacyMigrationResult result = new LegacyStateMigration(db).migrate();

        assertThat(result).isEqualTo(
                new LegacyMigrationResult.DefaultAgentHasProject("default", "own-project", "legacy-project"));
        assertThat(context.currentProject("default")).contains(new ProjectSelection("default", "own-project", 1));
    }

    @BackendTest
    void concurrentMigrations_importExactlyOnce(Backend backend) {
        Database db = databases.open(backend);
        new GlobalLastWriterWinsContext(db).setProject(ANYONE, 0, "apollo");

        // Six instances starting at once, each running the migration at start-up.
        List<LegacyMigrationResult> results = Concurrently.run(6, worker -> new LegacyStateMigration(db, "main").migrate());

        assertThat(results).filteredOn(r -> r instanceof LegacyMigrationResult.Imported).hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof LegacyMigrationResult.AlreadyImported).hasSize(5);
        assertThat(new AgentScopedContext(db).currentProject("main"))
                .contains(new ProjectSelection("main", "apollo", 1));
    }
}

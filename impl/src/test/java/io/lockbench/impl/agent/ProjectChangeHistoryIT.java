package io.lockbench.impl.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Database;
import io.lockbench.impl.testing.BackendTest;
import io.lockbench.impl.testing.DatabaseFixture;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Who changed what: every project change is recorded with its lease, previous version and database time. */
class ProjectChangeHistoryIT {

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    @BackendTest
    void eachChange_isRecordedWithTheLeaseThatMadeIt_andRefusedOnesAreNot(Backend backend) {
        Database db = databases.open(backend);
        AgentSessions sessions = new AgentSessions(db);
        AgentScopedContext context = new AgentScopedContext(db);
        Lease first = ContextScenarios.started(sessions, "a");
        Lease other = ContextScenarios.started(sessions, "b");

        long before = db.nowMillis();
        context.setProject(first, 0, "apollo");
        context.setProject(first, 0, "refused: stale version");
        context.setProject(other, 0, "borealis");
        sessions.end(first);
        context.setProject(first, 1, "refused: ended lease");
        Lease second = ContextScenarios.started(sessions, "a");
        context.setProject(second, 1, "artemis");
        long after = db.nowMillis();

        assertThat(context.changes("a"))
                .extracting(ProjectChange::version, ProjectChange::previousVersion, ProjectChange::project,
                        ProjectChange::leaseEpoch)
                .containsExactly(tuple(1L, 0L, "apollo", 1L), tuple(2L, 1L, "artemis", 2L));
        assertThat(context.changes("a")).allSatisfy(change ->
                assertThat(change.changedAt()).as("database clock").isBetween(before, after));
        assertThat(context.changes("b")).extracting(ProjectChange::project).containsExactly("borealis");
        assertThat(context.changes("nobody")).isEmpty();
    }
}

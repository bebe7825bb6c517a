package io.lockbench.impl.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Database;
import io.lockbench.impl.testing.BackendTest;
import io.lockbench.impl.testing.DatabaseFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The broken twin must show its anomalies, on both backends, in the very scenarios the correct
 * strategy passes ({@link AgentIsolationIT}, {@link ProjectCompareAndSetIT}).
 */
class GlobalLastWriterWinsIT {

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    @BackendTest
    void twoAgentsSelectingInTurn_theFirstReadsTheSecondsProject(Backend backend) {
        Database db = databases.open(backend);

        Map<String, String> seen = ContextScenarios.twoAgentsSelectInTurn(
                new AgentSessions(db), new GlobalLastWriterWinsContext(db));

        assertThat(seen).as("agent a's selection was overwritten by agent b's")
                .containsExactly(entry("a", "borealis"), entry("b", "borealis"));
    }

    @BackendTest
    void eightAgentsSelectingAtOnce_allButOneReadAnotherAgentsProject(Backend backend) {
        Database db = databases.open(backend);

        Map<String, String> seen = ContextScenarios.agentsSelectAtOnce(
                new AgentSessions(db), new GlobalLastWriterWinsContext(db), 8);

        // The last writer's project is what everyone reads.
        assertThat(seen.values()).as("every agent reads the same project").containsOnly(seen.get("agent-0"));
        assertThat(seen.entrySet().stream().filter(e -> e.getValue().equals("project-of-" + e.getKey())))
                .as("agents that read their own selection").hasSizeLessThanOrEqualTo(1);
    }

    @BackendTest
    void agentsTakingTurns_haveTheirLogEntriesLandUnderAnotherAgentsProject(Backend backend) {
        Database db = databases.open(backend);
        GlobalLastWriterWinsContext context = new GlobalLastWriterWinsContext(db);
        context.setProject(new Lease("a", 1), 0, "apollo");
        context.setProject(new Lease("b", 1), 1, "borealis");

        LogEntry aNote = context.append("a", "a's note, meant for apollo");

        assertThat(aNote.project()).as("the project a's entry is filed under").isEqualTo("borealis");
        assertThat(new AgentLog(db).read("a")).extracting(LogEntry::project).containsExactly("borealis");
    }

    @BackendTest
    void aFormerHoldersStaleLease_isAcceptedAsAnyOther(Backend backend) {
        Database db = databases.open(backend);
        AgentSessions sessions = new AgentSessions(db);
        Lease first = ContextScenarios.started(sessions, "a");
        sessions.end(first);
        ContextScenarios.started(sessions, "a");

        assertThat(new GlobalLastWriterWinsContext(db).setProject(first, 0, "from the former holder"))
                .isInstanceOf(ProjectUpdate.Updated.class);
    }

    @BackendTest
    void aStaleExpectedVersion_isAcceptedAndReplacesANewerSelection(Backend backend) {
        Database db = databases.open(backend);
        GlobalLastWriterWinsContext context = new GlobalLastWriterWinsContext(db);
        Lease a = ContextScenarios.started(new AgentSessions(db), "a");
        context.setProject(a, 0, "apollo");

        ProjectUpdate stale = context.setProject(a, 0, "stale-choice");

        assertThat(stale).as("a write that expected version 0 after version 1 existed")
                .isEqualTo(new ProjectUpdate.Updated(2));
        assertThat(context.currentProject("a").orElseThrow().project()).isEqualTo("stale-choice");
    }

    @BackendTest
    void racingWriters_areAllToldTheyWonThoughMostWroteOverANewerVersion(Backend backend) {
        Database db = databases.open(backend);

        List<ContextScenarios.Attempt> attempts = ContextScenarios.compareAndSetRace(
                new AgentSessions(db), new GlobalLastWriterWinsContext(db), 8, 25);

        assertThat(attempts).allSatisfy(a -> assertThat(a.outcome()).isInstanceOf(ProjectUpdate.Updated.class));
        assertThat(attempts.stream().filter(a ->
                ((ProjectUpdate.Updated) a.outcome()).newVersion() != a.expectedVersion() + 1))
                .as("writes accepted although the version had moved on since the writer read it (lost updates)")
                .isNotEmpty();
    }
}

package io.lockbench.impl.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Database;
import io.lockbench.impl.testing.BackendTest;
import io.lockbench.impl.testing.DatabaseFixture;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Agents never see each other's selection: the scenarios the broken twin fails in {@link GlobalLastWriterWinsIT}. */
class AgentIsolationIT {

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    @BackendTest
    void twoAgentsSelectingInTurn_eachReadsItsOwnProject(Backend backend) {
        Database db = databases.open(backend);

        Map<String, String> seen = ContextScenarios.twoAgentsSelectInTurn(new AgentSessions(db), new AgentScopedContext(db));

        assertThat(seen).containsExactly(entry("a", "apollo"), entry("b", "borealis"));
    }

    @BackendTest
    void eightAgentsSelectingAtOnce_eachReadsItsOwnProject(Backend backend) {
        Database db = databases.open(backend);

        Map<String, String> seen = ContextScenarios.agentsSelectAtOnce(new AgentSessions(db), new AgentScopedContext(db), 8);

        assertThat(seen).hasSize(8).allSatisfy((agent, project) ->
                assertThat(project).as("what %s reads", agent).isEqualTo("project-of-" + agent));
    }
}

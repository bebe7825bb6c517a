package io.lockbench.impl.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Database;
import io.lockbench.impl.testing.BackendTest;
import io.lockbench.impl.testing.DatabaseFixture;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProjectCompareAndSetIT {

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    @BackendTest
    void aStartedAgent_hasNoProjectAtVersionZero(Backend backend) {
        Database db = databases.open(backend);
        new AgentSessions(db).start("a");

        assertThat(new AgentScopedContext(db).currentProject("a")).contains(new ProjectSelection("a", null, 0));
    }

    @BackendTest
    void eachSuccessfulSet_incrementsTheVersionByOne(Backend backend) {
        Database db = databases.open(backend);
        AgentScopedContext context = new AgentScopedContext(db);
        Lease a = ContextScenarios.started(new AgentSessions(db), "a");

        assertThat(context.setProject(a, 0, "apollo")).isEqualTo(new ProjectUpdate.Updated(1));
        assertThat(context.setProject(a, 1, "borealis")).isEqualTo(new ProjectUpdate.Updated(2));
        assertThat(context.currentProject("a")).contains(new ProjectSelection("a", "borealis", 2));
    }

    @BackendTest
    void aStaleExpectedVersion_isRejectedWithTheCurrentVersion(Backend backend) {
        Database db = databases.open(backend);
        AgentScopedContext context = new AgentScopedContext(db);
        Lease a = ContextScenarios.started(new AgentSessions(db), "a");
        context.setProject(a, 0, "apollo");
        context.setProject(a, 1, "borealis");

        ProjectUpdate stale = context.setProject(a, 1, "stale-choice");

        assertThat(stale).isEqualTo(new ProjectUpdate.VersionConflict(2));
        assertThat(context.currentProject("a")).contains(new ProjectSelection("a", "borealis", 2));
    }

    @BackendTest
    void anAgentThatWasNeverStarted_isRejectedAndNotCreated(Backend backend) {
        AgentScopedContext context = new AgentScopedContext(databases.open(backend));

        assertThat(context.setProject(new Lease("ghost", 1), 0, "apollo")).isEqualTo(new UnknownAgent("ghost"));
        assertThat(context.currentProject("ghost")).isEmpty();
    }

    @BackendTest
    void racingWriters_haveExactlyOneWinnerPerVersion(Backend backend) {
        Database db = databases.open(backend);
        AgentScopedContext context = new AgentScopedContext(db);

        List<ContextScenarios.Attempt> attempts = ContextScenarios.compareAndSetRace(new AgentSessions(db), context, 8, 25);

        Map<Long, List<ContextScenarios.Attempt>> winnersByVersion = attempts.stream()
                .filter(a -> a.outcome() instanceof ProjectUpdate.Updated)
                .collect(Collectors.groupingBy(a -> ((ProjectUpdate.Updated) a.outcome()).newVersion()));
        long last = winnersByVersion.size();
        assertThat(winnersByVersion.keySet()).as("versions won, each by one writer")
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
        assertThat(winnersByVersion.values()).allSatisfy(winners -> assertThat(winners).singleElement()
                .satisfies(w -> assertThat(((ProjectUpdate.Updated) w.outcome()).newVersion())
                        .isEqualTo(w.expectedVersion() + 1)));
        List<ContextScenarios.Attempt> conflicts = attempts.stream()
                .filter(a -> a.outcome() instanceof ProjectUpdate.VersionConflict).toList();
        assertThat(conflicts).as("the writers did contend").isNotEmpty();
        assertThat(conflicts).allSatisfy(a -> assertThat(((ProjectUpdate.VersionConflict) a.outcome()).currentVersion())
                .as("the version a conflict reports is newer than the one expected").isGreaterThan(a.expectedVersion()));
        assertThat(conflicts.size() + last).isEqualTo(attempts.size());
        assertThat(context.currentProject("shared")).contains(
                new ProjectSelection("shared", winnersByVersion.get(last).get(0).project(), last));
    }
}

package io.lockbench.impl.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Database;
import io.lockbench.impl.retry.Backoff;
import io.lockbench.impl.testing.BackendTest;
import io.lockbench.impl.testing.Concurrently;
import io.lockbench.impl.testing.DatabaseFixture;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProjectRetryIT {

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    /** The real context, counting the conflicts it answers, so a test can tell that writers did contend. */
    private static final class CountingConflicts implements AgentContext {
        final AgentContext real;
        final AtomicInteger conflicts = new AtomicInteger();

        CountingConflicts(AgentContext real) {
            this.real = real;
        }

        @Override
        public Optional<ProjectSelection> currentProject(String agent) {
            return real.currentProject(agent);
        }

        @Override
        public ProjectUpdate setProject(Lease lease, long expectedVersion, String project) {
            ProjectUpdate u = real.setProject(lease, expectedVersion, project);
            if (u instanceof ProjectUpdate.VersionConflict) {
                conflicts.incrementAndGet();
            }
            return u;
        }
    }

    @BackendTest
    void racingChangesWithRetry_allLand_andNoneIsLost(Backend backend) {
        Database db = databases.open(backend);
        Lease shared = ContextScenarios.started(new AgentSessions(db), "shared");
        CountingConflicts context = new CountingConflicts(new AgentScopedContext(db));
        ProjectRetry retry = new ProjectRetry(context, 1_000, Backoff.DEFAULT);
        int writers = 6;
        int changesEach = 10;

        List<Integer> updated = Concurrently.run(writers, w -> {
            int ok = 0;
            for (int i = 0; i < changesEach; i++) {
                String mine = "w" + w + "." + i;
                ProjectUpdate u = retry.update(shared, p -> p == null ? mine : p + "," + mine);
                ok += u instanceof ProjectUpdate.Updated ? 1 : 0;
            }
            return ok;
        });

        assertThat(updated).containsOnly(changesEach);
        ProjectSelection end = context.currentProject("shared").orElseThrow();
        assertThat(end.version()).isEqualTo(writers * changesEach);
        assertThat(Arrays.asList(end.project().split(","))).as("every change, applied to the one before it")
                .hasSize(writers * changesEach).doesNotHaveDuplicates();
        assertThat(context.conflicts.get()).as("conflicts the retry went through").isPositive();
    }

    @BackendTest
    void aWriterThatAlwaysLoses_givesUpWithWhatHappenedAndWhatToDo(Backend backend) {
        Database db = databases.open(backend);
        Lease a = ContextScenarios.started(new AgentSessions(db), "a");
        AgentScopedContext real = new AgentScopedContext(db);
        // Another task of the agent changes the project between every read and write of ours.
        AgentContext alwaysOvertaken = new AgentContext() {
            @Override
            public Optional<ProjectSelection> currentProject(String agent) {
                Optional<ProjectSelection> read = real.currentProject(agent);
                real.setProject(a, read.orElseThrow().version(), "the other task's");
                return read;
            }

            @Override
            public ProjectUpdate setProject(Lease lease, long expectedVersion, String project) {
                return real.setProject(lease, expectedVersion, project);
            }
        };

        assertThatThrownBy(() -> new ProjectRetry(alwaysOvertaken, 3, Backoff.NONE).update(a, p -> "mine"))
                .isInstanceOfSatisfying(ProjectConflictException.class, e -> {
                    assertThat(e.agent()).isEqualTo("a");
                    assertThat(e.attempts()).isEqualTo(3);
                    assertThat(e.lastSeenVersion()).isEqualTo(3);
                })
                .hasMessageContaining("gave up setting its project after 3 attempts")
                .hasMessageContaining("last seen at version 3")
                .hasMessageContaining("nothing was written")
                .hasMessageContaining("Re-read the agent's project and decide again");
        assertThat(real.currentProject("a").orElseThrow().project()).isEqualTo("the other task's");
    }

    @BackendTest
    void aStaleLease_isReturnedAtOnce_notRetried(Backend backend) {
        Database db = databases.open(backend);
        AgentSessions sessions = new AgentSessions(db);
        Lease a = ContextScenarios.started(sessions, "a");
        sessions.end(a);
        CountingConflicts context = new CountingConflicts(new AgentScopedContext(db));
        AtomicInteger applied = new AtomicInteger();

        ProjectUpdate u = new ProjectRetry(context, 5, Backoff.NONE).update(a, p -> {
            applied.incrementAndGet();
            return "x";
        });

        assertThat(u).isInstanceOf(LeaseExpired.class);
        assertThat(applied).as("attempts").hasValue(1);
    }

    @Test
    void fewerThanOneAttempt_isRefused() {
        assertThatThrownBy(() -> new ProjectRetry(null, 0, Backoff.NONE))
                .hasMessageContaining("maxAttempts must be at least 1, was 0");
    }
}

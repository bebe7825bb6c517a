package io.lockbench.impl.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Database;
import io.lockbench.impl.testing.BackendTest;
import io.lockbench.impl.testing.DatabaseFixture;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reading part of a log: the most recent N entries, or those appended in a time range; entries carry their project. */
class AgentLogReadsIT {

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    @BackendTest
    void latest_returnsTheMostRecentEntriesInOrder(Backend backend) {
        Database db = databases.open(backend);
        AgentLog log = new AgentLog(db);
        Lease a = ContextScenarios.started(new AgentSessions(db), "a");
        Lease b = ContextScenarios.started(new AgentSessions(db), "b");
        for (int i = 1; i <= 5; i++) {
            AgentLogIT.appended(log, a, "a" + i);
        }
        AgentLogIT.appended(log, b, "b1");

        assertThat(log.latest("a", 3)).extracting(LogEntry::entry).containsExactly("a3", "a4", "a5");
        assertThat(log.latest("a", 10)).extracting(LogEntry::entry).containsExactly("a1", "a2", "a3", "a4", "a5");
        assertThat(log.latest("a", 0)).isEmpty();
        assertThat(log.latest("b", 3)).extracting(LogEntry::entry).containsExactly("b1");
        assertThatThrownBy(() -> log.latest("a", -1)).hasMessageContaining("count must not be negative");
    }

    @BackendTest
    void between_returnsTheEntriesAppendedInTheRange_byTheDatabaseClock(Backend backend) {
        Database db = databases.open(backend);
        AgentLog log = new AgentLog(db);
        Lease a = ContextScenarios.started(new AgentSessions(db), "a");
        LogEntry early = AgentLogIT.appended(log, a, "early");
        AwaitDatabaseClock.past(db, early.appendedAt());
        long from = db.nowMillis();
        LogEntry middle = AgentLogIT.appended(log, a, "middle");
        AwaitDatabaseClock.past(db, middle.appendedAt());
        long until = db.nowMillis();
        AgentLogIT.appended(log, a, "late");

        assertThat(log.between("a", from, until)).extracting(LogEntry::entry).containsExactly("middle");
        assertThat(log.between("a", early.appendedAt(), until)).extracting(LogEntry::entry)
                .containsExactly("early", "middle");
        assertThat(log.between("a", until, until)).as("an empty range").isEmpty();
        assertThat(log.between("b", 0, Long.MAX_VALUE)).isEmpty();
    }

    @BackendTest
    void eachEntry_landsUnderTheProjectItsAgentWorkedOn(Backend backend) {
        Database db = databases.open(backend);
        AgentSessions sessions = new AgentSessions(db);
        AgentScopedContext context = new AgentScopedContext(db);
        AgentLog log = new AgentLog(db);
        Lease a = ContextScenarios.started(sessions, "a");
        Lease b = ContextScenarios.started(sessions, "b");

        AgentLogIT.appended(log, a, "before any project");
        context.setProject(a, 0, "apollo");
        context.setProject(b, 0, "borealis");
        AgentLogIT.appended(log, a, "a's note");
        AgentLogIT.appended(log, b, "b's note");

        List<LogEntry> entries = log.read("a");
        assertThat(entries).extracting(LogEntry::project).containsExactly(null, "apollo");
        assertThat(log.read("b")).extracting(LogEntry::project).containsExactly("borealis");
    }
}

package io.lockbench.impl.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Database;
import io.lockbench.impl.testing.BackendTest;
import io.lockbench.impl.testing.Concurrently;
import io.lockbench.impl.testing.DatabaseFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.extension.RegisterExtension;

class AgentLogIT {

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    /** Appends and returns the entry, failing the test if the append was refused. */
    static LogEntry appended(AgentLog log, Lease lease, String entry) {
        AppendResult result = log.append(lease, entry);
        assertThat(result).as("append to %s", lease).isInstanceOf(AppendResult.Appended.class);
        return ((AppendResult.Appended) result).entry();
    }

    @BackendTest
    void appends_areNumberedFromOnePerAgent(Backend backend) {
        Database db = databases.open(backend);
        AgentLog log = new AgentLog(db);
        AgentSessions sessions = new AgentSessions(db);
        Lease a = ContextScenarios.started(sessions, "a");
        Lease b = ContextScenarios.started(sessions, "b");

        assertThat(appended(log, a, "first").seq()).isEqualTo(1);
        assertThat(appended(log, a, "second").seq()).isEqualTo(2);
        assertThat(appended(log, b, "other").seq()).isEqualTo(1);
        assertThat(appended(log, a, "third").seq()).isEqualTo(3);

        assertThat(log.read("a")).extracting(LogEntry::agent, LogEntry::seq, LogEntry::entry).containsExactly(
                tuple("a", 1L, "first"),
                tuple("a", 2L, "second"),
                tuple("a", 3L, "third"));
        assertThat(log.read("b")).extracting(LogEntry::entry).containsExactly("other");
        assertThat(log.read("nobody")).isEmpty();
    }

    @BackendTest
    void anAppendStorm_losesDuplicatesAndMisplacesNothing(Backend backend) {
        Database db = databases.open(backend);
        AgentLog log = new AgentLog(db);
        int appenders = 16;
        int appendsEach = 40;
        List<String> agents = List.of("agent-0", "agent-1", "agent-2", "agent-3");
        AgentSessions sessions = new AgentSessions(db);
        List<Lease> leases = agents.stream().map(agent -> ContextScenarios.started(sessions, agent)).toList();

        // Each appender cycles through the agents, so every agent's log has all 16 writing at once.
        List<List<LogEntry>> acknowledged = Concurrently.run(appenders, worker -> {
            List<LogEntry> mine = new ArrayList<>();
            for (int i = 0; i < appendsEach; i++) {
                mine.add(appended(log, leases.get((worker + i) % agents.size()), "w" + worker + "#" + i));
            }
            return mine;
        });

        Map<String, List<LogEntry>> expected = acknowledged.stream().flatMap(List::stream)
                .collect(Collectors.groupingBy(LogEntry::agent));
        assertThat(expected.values().stream().mapToInt(List::size).sum()).isEqualTo(appenders * appendsEach);
        for (String agent : agents) {
            List<LogEntry> read = log.read(agent);
            assertThat(read).as("%s's log: every acknowledged append, once, and nothing else", agent)
                    .containsExactlyInAnyOrderElementsOf(expected.get(agent));
            assertThat(read).extracting(LogEntry::seq).as("%s's sequence numbers", agent)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, read.size()).boxed().toList());
        }
        for (List<LogEntry> oneAppender : acknowledged) {
            for (String agent : agents) {
                assertThat(oneAppender.stream().filter(e -> e.agent().equals(agent)).map(LogEntry::seq).toList())
                        .as("one appender's entries to %s are numbered in the order it appended them", agent)
                        .isSorted();
            }
        }
    }
}

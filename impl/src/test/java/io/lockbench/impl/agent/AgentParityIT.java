package io.lockbench.impl.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Database;
import io.lockbench.impl.testing.DatabaseFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One deterministic script of every agent operation, run on SQLite and on PostgreSQL: the
 * transcripts of outcomes (timestamps left out) must be identical, and what the strategy promises.
 */
class AgentParityIT {

    private static final List<String> EXPECTED = List.of(
            "legacy write -> Updated[newVersion=1]",
            "migrate legacy -> Imported[agent=default, project=legacy-project, version=1]",
            "migrate legacy again -> AlreadyImported(default, legacy-project)",
            "start a -> Started(a: ACTIVE, project=null, version=0, epoch=1)",
            "start a again -> AlreadyActive(a: ACTIVE, project=null, version=0, epoch=1)",
            "start b -> Started(b: ACTIVE, project=null, version=0, epoch=1)",
            "a sets apollo at 0 -> Updated[newVersion=1]",
            "a sets stale at 0 -> VersionConflict[currentVersion=1]",
            "b sets borealis at 0 -> Updated[newVersion=1]",
            "ghost sets x at 0 -> UnknownAgent[agent=ghost]",
            "read a -> ProjectSelection[agent=a, project=apollo, version=1]",
            "read b -> ProjectSelection[agent=b, project=borealis, version=1]",
            "read default -> ProjectSelection[agent=default, project=legacy-project, version=1]",
            "read ghost -> none",
            "heartbeat a -> Extended(a: ACTIVE, project=apollo, version=1, epoch=1)",
            "heartbeat ghost -> UnknownAgent[agent=ghost]",
            "append a -> Appended(a#1 one)",
            "append b -> Appended(b#1 uno)",
            "append a -> Appended(a#2 two)",
            "read log a -> [a#1 one, a#2 two]",
            "read log b -> [b#1 uno]",
            "end b -> true",
            "end b again -> false",
            "b sets later at 1 -> LeaseExpired(currentVersion=1, currentEpoch=1)",
            "heartbeat b -> LeaseExpired(currentVersion=1, currentEpoch=1)",
            "append b after end -> LeaseExpired(currentVersion=1, currentEpoch=1)",
            "short heartbeat a -> Extended(a: ACTIVE, project=apollo, version=1, epoch=1)",
            "heartbeat a after expiry -> LeaseExpired(currentVersion=1, currentEpoch=1)",
            "a sets later at 1 after expiry -> LeaseExpired(currentVersion=1, currentEpoch=1)",
            "cleanup -> [a]",
            "cleanup again -> []",
            "find a -> a: EXPIRED, project=apollo, version=1, epoch=1",
            "find b -> b: ENDED, project=borealis, version=1, epoch=1",
            "find default -> default: ENDED, project=legacy-project, version=1, epoch=0",
            "start a after expiry -> Started(a: ACTIVE, project=apollo, version=1, epoch=2)",
            "a's first lease sets stale at 1 -> LeaseExpired(currentVersion=1, currentEpoch=2)",
            "a's first lease heartbeats -> LeaseExpired(currentVersion=1, currentEpoch=2)",
            "a's first lease ends -> false",
            "a sets artemis at 1 -> Updated[newVersion=2]",
            "start default -> Started(default: ACTIVE, project=legacy-project, version=1, epoch=1)",
            "default sets own at 1 -> Updated[newVersion=2]",
            "append default -> Appended(default#1 hello)");

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    @Test
    void theSameScript_givesTheSameOutcomesOnSqliteAndPostgresql() {
        DatabaseFixture.assumePostgres();

        List<String> onSqlite = script(databases.open(Backend.SQLITE));
        List<String> onPostgres = script(databases.open(Backend.POSTGRESQL));

        assertThat(onPostgres).as("PostgreSQL transcript against SQLite's").containsExactlyElementsOf(onSqlite);
        assertThat(onSqlite).containsExactlyElementsOf(EXPECTED);
    }

    private static List<String> script(Database db) {
        AgentSessions sessions = new AgentSessions(db);
        AgentSessions shortLease = new AgentSessions(db, Duration.ofMillis(300));
        AgentScopedContext context = new AgentScopedContext(db);
        AgentLog log = new AgentLog(db);
        LegacyStateMigration migration = new LegacyStateMigration(db);
        List<String> t = new ArrayList<>();

        step(t, "legacy write", new GlobalLastWriterWinsContext(db).setProject(new Lease("anyone", 0), 0, "legacy-project"));
        step(t, "migrate legacy", migration.migrate());
        step(t, "migrate legacy again", migration.migrate());
        StartResult startA = sessions.start("a");
        step(t, "start a", startA);
        Lease a = ((StartResult.Started) startA).lease();
        step(t, "start a again", sessions.start("a"));
        StartResult startB = sessions.start("b");
        step(t, "start b", startB);
        Lease b = ((StartResult.Started) startB).lease();
        step(t, "a sets apollo at 0", context.setProject(a, 0, "apollo"));
        step(t, "a sets stale at 0", context.setProject(a, 0, "stale"));
        step(t, "b sets borealis at 0", context.setProject(b, 0, "borealis"));
        step(t, "ghost sets x at 0", context.setProject(new Lease("ghost", 1), 0, "x"));
        for (String agent : List.of("a", "b", "default", "ghost")) {
            step(t, "read " + agent, context.currentProject(agent));
        }
        step(t, "heartbeat a", sessions.heartbeat(a));
        step(t, "heartbeat ghost", sessions.heartbeat(new Lease("ghost", 1)));
        step(t, "append a", log.append(a, "one"));
        step(t, "append b", log.append(b, "uno"));
        step(t, "append a", log.append(a, "two"));
        step(t, "read log a", log.read("a"));
        step(t, "read log b", log.read("b"));
        step(t, "end b", sessions.end(b));
        step(t, "end b again", sessions.end(b));
        step(t, "b sets later at 1", context.setProject(b, 1, "later"));
        step(t, "heartbeat b", sessions.heartbeat(b));
        step(t, "append b after end", log.append(b, "late"));
        HeartbeatResult armed = shortLease.heartbeat(a);
        step(t, "short heartbeat a", armed);
        AwaitDatabaseClock.past(db, ((HeartbeatResult.Extended) armed).session().leaseExpiresAt());
        step(t, "heartbeat a after expiry", sessions.heartbeat(a));
        step(t, "a sets later at 1 after expiry", context.setProject(a, 1, "later"));
        step(t, "cleanup", sessions.cleanupExpired());
        step(t, "cleanup again", sessions.cleanupExpired());
        for (String agent : List.of("a", "b", "default")) {
            step(t, "find " + agent, sessions.find(agent).orElseThrow());
        }
        StartResult restartA = sessions.start("a");
        step(t, "start a after expiry", restartA);
        Lease a2 = ((StartResult.Started) restartA).lease();
        step(t, "a's first lease sets stale at 1", context.setProject(a, 1, "stale"));
        step(t, "a's first lease heartbeats", sessions.heartbeat(a));
        step(t, "a's first lease ends", sessions.end(a));
        step(t, "a sets artemis at 1", context.setProject(a2, 1, "artemis"));
        StartResult startDefault = sessions.start("default");
        step(t, "start default", startDefault);
        Lease defaultLease = ((StartResult.Started) startDefault).lease();
        step(t, "default sets own at 1", context.setProject(defaultLease, 1, "own"));
        step(t, "append default", log.append(defaultLease, "hello"));
        return t;
    }

    private static void step(List<String> transcript, String operation, Object outcome) {
        transcript.add(operation + " -> " + describe(outcome));
    }

    /** An outcome without its timestamps, which legitimately differ between runs. */
    private static String describe(Object outcome) {
        if (outcome instanceof Optional<?> o) {
            return o.map(AgentParityIT::describe).orElse("none");
        }
        if (outcome instanceof List<?> list) {
            return list.stream().map(AgentParityIT::describe).collect(Collectors.joining(", ", "[", "]"));
        }
        if (outcome instanceof AgentSession s) {
            return s.agent() + ": " + s.status() + ", project=" + s.project() + ", version=" + s.version()
                    + ", epoch=" + s.leaseEpoch();
        }
        if (outcome instanceof StartResult r) {
            return r.getClass().getSimpleName() + "(" + describe(r.session()) + ")";
        }
        if (outcome instanceof HeartbeatResult.Extended e) {
            return "Extended(" + describe(e.session()) + ")";
        }
        if (outcome instanceof LeaseExpired e) {
            return "LeaseExpired(currentVersion=" + e.currentVersion() + ", currentEpoch=" + e.currentEpoch() + ")";
        }
        if (outcome instanceof LegacyMigrationResult.AlreadyImported r) {
            return "AlreadyImported(" + r.agent() + ", " + r.project() + ")";
        }
        if (outcome instanceof AppendResult.Appended a) {
            return "Appended(" + describe(a.entry()) + ")";
        }
        if (outcome instanceof LogEntry e) {
            return e.agent() + "#" + e.seq() + " " + e.entry();
        }
        return String.valueOf(outcome);
    }
}

package io.lockbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.impl.claims.ClaimStore;
import io.lockbench.impl.claims.PessimisticClaimStore;
import io.lockbench.impl.claims.Session;
import io.lockbench.impl.claims.SessionInfo;
import io.lockbench.impl.claims.SessionStatus;
import io.lockbench.impl.claims.SessionView;
import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.Jdbc;
import io.lockbench.impl.testing.BackendTest;
import io.lockbench.impl.testing.DatabaseFixture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ClaimsCommandIT {

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    private static String sessionOf(String out) {
        Matcher m = Pattern.compile("for session (\\S+) ").matcher(out);
        assertThat(m.find()).as("a session id in %s", out).isTrue();
        return m.group(1);
    }

    @BackendTest
    void claim_thenASecondClaim_isRefusedNamingTheOwner_thenReleaseFreesIt(Backend backend) {
        String url = databases.newUrl(backend);
        try (Database db = Database.open(url)) {
            new PessimisticClaimStore(db); // an application's database: the command creates none
        }

        CommandRun first = CommandRun.of("claims", "claim", "doc", "--db", url);
        CommandRun second = CommandRun.of("claims", "claim", "doc", "--db", url);

        assertThat(first.exit()).isZero();
        assertThat(first.out()).contains("started session").contains("claimed 'doc' for session")
                .contains("fencing token 1");
        String holder = sessionOf(first.out());
        assertThat(second.exit()).isEqualTo(1);
        assertThat(second.out()).contains("refused: 'doc' is claimed by session " + holder).contains("last heartbeat")
                .contains("ended session");
        try (Database db = Database.open(url)) {
            assertThat(new PessimisticClaimStore(db).sessions()).as("the refused command's own session ended")
                    .filteredOn(v -> v.status() != SessionStatus.RELEASED)
                    .extracting(SessionView::sessionId).containsExactly(holder);
        }

        CommandRun wrong = CommandRun.of("claims", "release", "doc", "--db", url, "--session", "someone-else");
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.out()).contains("not released: 'doc' is claimed by session " + holder);

        CommandRun release = CommandRun.of("claims", "release", "doc", "--db", url, "--session", holder);
        assertThat(release.exit()).isZero();
        assertThat(release.out()).contains("released 'doc'").contains(holder);
        assertThat(CommandRun.of("claims", "release", "doc", "--db", url).out()).contains("'doc' is not claimed");
    }

    @BackendTest
    void next_claimsTheFirstFreeResource_andWhenNoneIsFree_saysWhoHoldsEach(Backend backend) {
        String url = databases.newUrl(backend);
        String session;
        try (Database db = Database.open(url)) {
            ClaimStore store = new PessimisticClaimStore(db);
            Session alice = store.startSession(new SessionInfo("alice-host", "pts/1", "/work/alice"));
            store.claim("a", alice.id()).claimOrThrow();
            store.release(store.claim("b", alice.id()).claimOrThrow());
            session = store.startSession(new SessionInfo("cli", "pts/2", "/work/cli")).id();
        }

        CommandRun next = CommandRun.of("claims", "next", "--db", url, "--session", session);
        CommandRun none = CommandRun.of("claims", "next", "--db", url, "--session", session, "a", "b");

        assertThat(next.exit()).isZero();
        assertThat(next.out()).contains("claimed 'b' for session " + session);
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.out()).contains("nothing free among 2 resources")
                .contains("'a' is claimed by session").contains("alice-host").contains("/work/alice")
                .contains("'b' is claimed by session " + session);
    }

    @BackendTest
    void sessions_printsTheViewAsATable_colouredByHeartbeatAgeOnlyWhenAsked(Backend backend) {
        String url = databases.newUrl(backend);
        try (Database db = Database.open(url)) {
            ClaimStore store = new PessimisticClaimStore(db);
            for (String name : new String[] {"fresh", "middle", "old"}) {
                Session s = store.startSession(new SessionInfo("host-" + name, "pts/" + name, "/work/" + name));
                store.claim(name, s.id()).claimOrThrow();
            }
            db.withConnection(c -> Jdbc.update(c,
                    "UPDATE lb_claims SET heartbeat_at = heartbeat_at - 90000 WHERE resource_id = 'middle'"));
            db.withConnection(c -> Jdbc.update(c,
                    "UPDATE lb_claims SET heartbeat_at = heartbeat_at - 200000 WHERE resource_id = 'old'"));
        }

        CommandRun plain = CommandRun.of("claims", "sessions", "--db", url);
        CommandRun coloured = CommandRun.of("claims", "sessions", "--db", url, "--color", "always");

        assertThat(plain.exit()).isZero();
        assertThat(plain.out()).contains("SESSION").contains("HEARTBEAT").contains("host-fresh").contains("1m ago")
                .contains("3m ago").contains("3 sessions").doesNotContain("\u001B[");
        assertThat(coloured.out()).contains("\u001B[32m").as("green").contains("\u001B[33m").as("yellow")
                .contains("\u001B[31m").as("red");
    }

    @Test
    void aMissingSqliteFile_isAnErrorAndNoFileAppears(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path file = dir.resolve("nope.db");

        CommandRun run = CommandRun.of("claims", "sessions", "--db", "jdbc:sqlite:" + file);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("no such database file");
        assertThat(file).doesNotExist();
    }
}

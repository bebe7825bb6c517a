package io.lockbench.impl.optimistic;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Database;
import io.lockbench.impl.testing.BackendTest;
import io.lockbench.impl.testing.Concurrently;
import io.lockbench.impl.testing.DatabaseFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The classic broken twin must show its anomaly (lost updates) under the same load the correct one survives. */
class VerifyAfterWriteIT {

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    @BackendTest
    void twoWritersThatReadTheSameVersion_bothVerify_andTheFirstUpdateIsLost(Backend backend) {
        Database db = databases.open(backend);
        VerifyAfterWriteStore alice = new VerifyAfterWriteStore(db);
        VerifyAfterWriteStore bob = new VerifyAfterWriteStore(db);
        long read = alice.create("doc", "draft").version();

        boolean aliceVerified = alice.writeAndVerify("doc", read, "alice's edit");
        boolean bobVerified = bob.writeAndVerify("doc", read, "bob's edit");

        VersionedRecord end = alice.read("doc").orElseThrow();
        assertThat(aliceVerified).as("alice's check of the version").isTrue();
        assertThat(bobVerified).as("bob's check of the version").isTrue();
        assertThat(end.content()).as("alice's acknowledged edit is gone").isEqualTo("bob's edit");
        assertThat(end.version()).as("two updates, one version number").isEqualTo(read + 1);
    }

    @BackendTest
    void theVerification_failsOnlyWhenAWriterOfALaterVersionCommittedBeforeTheReread(Backend backend) {
        Database db = databases.open(backend);
        VerifyAfterWriteStore store = new VerifyAfterWriteStore(db);
        store.create("doc", "draft");
        store.writeAndVerify("doc", 1, "second");

        // A writer that read version 2 finds 3 after its write; one that read 1 writes 2 and finds 2.
        assertThat(store.writeAndVerify("doc", 2, "third")).isTrue();
        assertThat(store.writeAndVerify("doc", 1, "stale")).as("a writer from version 1 still verifies").isTrue();
        assertThat(store.read("doc").orElseThrow().version()).as("and moved the version back").isEqualTo(2);
    }

    @BackendTest
    void concurrentIncrements_loseUpdatesThatWereAcknowledged(Backend backend) {
        VerifyAfterWriteStore store = new VerifyAfterWriteStore(databases.open(backend), Duration.ofMillis(2));
        store.create("counter", "0");

        List<Integer> acknowledged = Concurrently.run(8, worker -> {
            int ok = 0;
            for (int i = 0; i < 25; i++) {
                try {
                    store.updateWithLocking("counter", c -> Long.toString(Long.parseLong(c) + 1), 3);
                    ok++;
                } catch (OptimisticLockException e) {
                    // the "verification" noticed this one
                }
            }
            return ok;
        });

        long acked = acknowledged.stream().mapToInt(Integer::intValue).sum();
        long counter = Long.parseLong(store.read("counter").orElseThrow().content());
        assertThat(counter).as("lost updates: %d increments acknowledged, counter shows %d", acked, counter)
                .isLessThan(acked);
    }
}

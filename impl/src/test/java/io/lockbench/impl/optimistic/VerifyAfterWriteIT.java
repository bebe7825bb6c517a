package io.lockbench.impl.optimistic;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.testing.BackendTest;
import io.lockbench.impl.testing.Concurrently;
import io.lockbench.impl.testing.DatabaseFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The broken twin must show its anomaly (lost updates) under the same load the correct one survives. */
class VerifyAfterWriteIT {

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

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

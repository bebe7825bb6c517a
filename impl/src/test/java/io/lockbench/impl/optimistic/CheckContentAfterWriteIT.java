package io.lockbench.impl.optimistic;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.testing.BackendTest;
import io.lockbench.impl.testing.Concurrently;
import io.lockbench.impl.testing.DatabaseFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The twin that checks its content after a blind increment: it tells callers that updates failed
 * which are in the data, so a retry applies them twice.
 */
class CheckContentAfterWriteIT {

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    /** Each writer appends its own tokens; returns the tokens it was told failed. */
    private static List<String> appendConcurrently(CheckContentAfterWriteStore store, int maxAttempts) {
        List<List<String>> failed = Concurrently.run(8, worker -> {
            List<String> mine = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String token = "w" + worker + "." + i;
                try {
                    store.updateWithLocking("log", old -> old + " " + token, maxAttempts);
                } catch (OptimisticLockException e) {
                    mine.add(token);
                }
            }
            return mine;
        });
        return failed.stream().flatMap(List::stream).toList();
    }

    @BackendTest
    void concurrentAppends_reportUpdatesFailedThatAreInTheData(Backend backend) {
        CheckContentAfterWriteStore store = new CheckContentAfterWriteStore(databases.open(backend), Duration.ofMillis(2));
        store.create("log", "start");

        List<String> failed = appendConcurrently(store, 1);

        List<String> present = Arrays.asList(store.read("log").orElseThrow().content().split(" "));
        assertThat(failed).as("updates reported failed but present in %s", present).anyMatch(present::contains);
    }

    @BackendTest
    void concurrentAppendsWithRetries_applySomeUpdateTwice(Backend backend) {
        CheckContentAfterWriteStore store = new CheckContentAfterWriteStore(databases.open(backend), Duration.ofMillis(2));
        store.create("log", "start");

        appendConcurrently(store, 3);

        List<String> tokens = Arrays.asList(store.read("log").orElseThrow().content().split(" "));
        assertThat(new HashSet<>(tokens)).as("some token appended twice in %s", tokens).hasSizeLessThan(tokens.size());
    }
}

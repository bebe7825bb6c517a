package io.lockbench.impl.testing;

import io.lockbench.impl.db.Backend;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * The backends every strategy test runs on (the argument source of {@link BackendTest}), each
 * named for the reports: "SQLite", and the PostgreSQL server with its version and source, e.g.
 * "PostgreSQL 17.11 (embedded)". Naming it finds (or starts) the run's shared server.
 */
public final class TestBackends {

    private TestBackends() {
    }

    public static Stream<Named<Backend>> all() {
        return Stream.of(Named.of(Backend.SQLITE.displayName(), Backend.SQLITE),
                Named.of(TestPostgres.label(), Backend.POSTGRESQL));
    }
}

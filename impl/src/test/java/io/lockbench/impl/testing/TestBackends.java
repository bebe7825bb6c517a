package io.lockbench.impl.testing;

import io.lockbench.impl.db.Backend;
import java.util.stream.Stream;

/** The backends every strategy test runs on (the argument source of {@link BackendTest}). */
public final class TestBackends {

    private TestBackends() {
    }

    public static Stream<Backend> all() {
        return Stream.of(Backend.SQLITE, Backend.POSTGRESQL);
    }
}

package io.lockbench.impl.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A test that runs once per backend, each case named by its backend ("on SQLite",
 * "on PostgreSQL 17.11 (embedded)"). The method takes a {@link io.lockbench.impl.db.Backend} and
 * opens its database through a {@link DatabaseFixture}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "on {0}")
@MethodSource("io.lockbench.impl.testing.TestBackends#all")
public @interface BackendTest {
}

package io.lockbench.api;

/**
 * One client of a stress run: the code under test, as one logical process sees it.
 *
 * <p>Lifecycle, driven by the runner:
 * <ol>
 *   <li>{@link #setup} once per run, on an instance of its own, before any client is opened:
 *       create tables, seed data;</li>
 *   <li>for each process: a new instance, {@link #open}, then {@link #invoke} one operation at a
 *       time, from one thread, until the run ends or an operation completes {@code info};</li>
 *   <li>{@link #close} when its process ends: after an {@code info} completion the process is
 *       retired (its operation may still take effect) and a fresh instance continues under a new
 *       process id;</li>
 *   <li>{@link #teardown} once per run, on an instance of its own, after the final reads.</li>
 * </ol>
 *
 * <p>An implementation loaded by name (a scenario's {@code client:} or {@code --client-jar}) needs
 * a public no-argument constructor.
 */
public interface Client extends AutoCloseable {

    /** Prepares the database for a run (schema, seed data). Called once, before any {@link #open}. */
    default void setup(ClientContext context) throws Exception {
    }

    /** Binds this instance to the database, for the process {@link ClientContext#process()}. */
    void open(ClientContext context) throws Exception;

    /**
     * Performs one operation and says how it ended. Return a {@link Completion} for every outcome
     * the code knows ({@code fail} only when the operation certainly did not take effect).
     *
     * <p>An exception is classified by lockbench: a database error that rolled the operation back
     * (unique violation, serialization failure, deadlock, lock timeout, SQLite busy) is
     * {@code fail}; a lost connection, an error during COMMIT, a timeout, or anything lockbench
     * cannot classify is {@code info}, except for operations that only read ({@code read},
     * {@code inspect}), which change nothing and so {@code fail}.
     */
    Completion invoke(Operation operation) throws Exception;

    /** Removes what {@link #setup} made, if the run should leave nothing behind. */
    default void teardown(ClientContext context) throws Exception {
    }

    /** Releases this instance's connections. Called once per {@link #open}, also after failures. */
    @Override
    default void close() throws Exception {
    }
}

package io.lockbench.api;

/**
 * One client of a stress run: the code under test, as one logical process sees it. Implement it
 * around your own data-access code; lockbench calls it from its runner, its command line
 * ({@code lockbench run --client-jar}) and its JUnit entry point ({@code Lockbench.stress}).
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
 * <p>An instance is used by one thread at a time, so it needs no synchronization of its own;
 * instances of one run share nothing but the database. An implementation loaded by name (a
 * scenario's {@code client:} or {@code --client-jar}) must be a public class with a public
 * no-argument constructor.
 */
public interface Client extends AutoCloseable {

    /**
     * Prepares the database for a run (schema, seed data). Called once, on an instance of its own,
     * before any {@link #open}. The database is new for each run: a new SQLite file, or a new
     * PostgreSQL schema that is the connections' {@code search_path}.
     *
     * @param context the run's database; its {@link ClientContext#process()} is {@code -1}
     * @throws Exception anything that stops the run before it starts, with its message reported
     */
    default void setup(ClientContext context) throws Exception {
    }

    /**
     * Binds this instance to the database, for the process {@link ClientContext#process()}.
     *
     * @param context the database, this process's id, the workload's settings
     * @throws Exception when the client cannot start; the run reports it as a problem
     */
    void open(ClientContext context) throws Exception;

    /**
     * Performs one operation and says how it ended. Return a {@link Completion} for every outcome
     * the code knows: {@code ok} when it happened, {@code fail} only when it certainly did not
     * take effect (a version conflict, a claim held by another), {@code info} when nobody knows.
     *
     * <p>An exception is classified by lockbench: a database error that rolled the operation back
     * (unique violation, serialization failure, deadlock, lock timeout, SQLite busy) is
     * {@code fail}; a lost connection, an error during COMMIT, a timeout, or anything lockbench
     * cannot classify is {@code info}, except for operations that only read ({@code read},
     * {@code inspect}), which change nothing and so {@code fail}.
     *
     * @param operation what to do; its {@code f} and {@code value} follow the workload's conventions
     * @return how it ended; never null (a null is recorded as {@code info})
     * @throws Exception any error, classified as above
     */
    Completion invoke(Operation operation) throws Exception;

    /**
     * Removes what {@link #setup} made, if the run should leave nothing behind. Called once per
     * run, on an instance of its own, after the final reads. A PostgreSQL run's schema is dropped
     * by lockbench anyway.
     *
     * @param context the run's database; its {@link ClientContext#process()} is {@code -1}
     * @throws Exception reported as a problem of the run; the verdict stands
     */
    default void teardown(ClientContext context) throws Exception {
    }

    /**
     * Releases this instance's connections. Called once per {@link #open}, also after failures,
     * and possibly from another thread while an operation of a retired process is still blocked.
     *
     * @throws Exception ignored: the process is gone either way
     */
    @Override
    default void close() throws Exception {
    }
}

package io.lockbench.stress.runner;

import io.lockbench.api.Client;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * How to run a scenario, beyond the scenario itself.
 *
 * @param runsDirectory where run directories go ({@code runs/<scenario>/<time>/})
 * @param postgresUrl   the server for PostgreSQL scenarios, or null
 * @param serverSource  how that server was found ({@code given}, {@code embedded} …), for the results
 * @param progress      progress line: terminal, plain lines, or none
 * @param out           where progress and the summary go
 * @param keepSchema    keep the run's PostgreSQL schema for inspection instead of dropping it
 * @param client        a client to run instead of the scenario's variant (tests, the JUnit extension), or null
 * @param cancel        set to stop the run early (^C): faults are healed, the history kept, the verdict unknown
 * @param command       the command line, for the results
 */
public record RunOptions(Path runsDirectory, String postgresUrl, String serverSource, Progress.Mode progress,
                         PrintStream out, boolean keepSchema, Supplier<Client> client, AtomicBoolean cancel,
                         String command) {

    /** Quiet defaults for tests and embedding: runs under {@code runsDirectory}, PostgreSQL from LOCKBENCH_PG_URL. */
    public static RunOptions quiet(Path runsDirectory) {
        return new RunOptions(runsDirectory, System.getenv("LOCKBENCH_PG_URL"), "given", Progress.Mode.QUIET,
                System.out, false, null, new AtomicBoolean(), null);
    }

    public RunOptions withClient(Supplier<Client> newClient) {
        return new RunOptions(runsDirectory, postgresUrl, serverSource, progress, out, keepSchema, newClient, cancel,
                command);
    }

    public RunOptions withPostgresUrl(String url, String source) {
        return new RunOptions(runsDirectory, url, source, progress, out, keepSchema, client, cancel, command);
    }
}

package io.lockbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code lockbench} executable. Exit codes follow Jepsen: 0 valid, 1 invalid, 2 unknown or
 * error (including bad usage).
 */
@Command(name = "lockbench",
        mixinStandardHelpOptions = true,
        versionProvider = Lockbench.Version.class,
        description = "Which database locking strategy to use for concurrent writes, and whether an "
                + "implementation of it is safe.",
        subcommands = {CompareCommand.class, RunCommand.class, CheckCommand.class, ReportCommand.class, BenchCommand.class,
                VersionsCommand.class, ClaimsCommand.class, SynthCommand.class, ConvertCommand.class,
                PostgresCommand.class, CommandLine.HelpCommand.class})
public final class Lockbench implements Runnable {

    public static final int EXIT_VALID = 0;
    public static final int EXIT_INVALID = 1;
    public static final int EXIT_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int exit;
        try {
            exit = execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("lockbench: ran out of memory; raise the heap, e.g. LOCKBENCH_JAVA_OPTS=-Xmx4g");
            exit = EXIT_ERROR;
        }
        System.exit(exit);
    }

    /** Runs the command line and returns the exit code (tests call this, not {@link #main}). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Lockbench());
        // Usage errors (unknown option, bad value) are "unknown or error": exit 2.
        cl.setExitCodeExceptionMapper(e -> EXIT_ERROR);
        cl.setParameterExceptionHandler((ex, argv) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("lockbench: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, cmd.getErr());
            if (ex instanceof CommandLine.UnmatchedArgumentException) {
                cmd.usage(cmd.getErr()); // an unknown option: show the valid ones
            } else {
                cmd.getErr().println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for details.");
            }
            return EXIT_ERROR;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            // Messages are written for users; a missing one is a bug, shown with its trace.
            if (ex.getMessage() == null || ex.getMessage().isBlank()) {
                cmd.getErr().println("lockbench: unexpected error, please report it with this trace:");
                ex.printStackTrace(cmd.getErr());
            } else {
                cmd.getErr().println("lockbench: " + ex.getMessage());
            }
            return EXIT_ERROR;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Lockbench.class.getPackage().getImplementationVersion();
            return new String[] {"lockbench " + (v == null ? "development build" : v)};
        }
    }
}

package io.lockbench.cli;

import java.util.List;
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
                + "implementation of it is safe.")
public final class Lockbench implements Runnable {

    /** The subcommands, in the order the usage lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(CompareCommand.class, RunCommand.class,
            CheckCommand.class, ReportCommand.class, BenchCommand.class, VersionsCommand.class, ClaimsCommand.class,
            SynthCommand.class, ConvertCommand.class, PostgresCommand.class, CommandLine.HelpCommand.class);

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
        return commandLine(args).execute(args);
    }

    /** The whole command line, every subcommand in it. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command line for {@code args}: when they start with a subcommand's name, that one alone.
     * Building picocli's model of a command reads all its annotations, and a quick command (a
     * check of a small history) would otherwise spend a good part of its run on the nine others.
     * Anything else (no subcommand, an option first, {@code help}, a misspelt name that wants
     * suggestions) gets them all.
     */
    static CommandLine commandLine(String[] args) {
        CommandLine cl = new CommandLine(new Lockbench());
        Class<?> only = args.length == 0 ? null : SUBCOMMANDS.stream()
                .filter(c -> c != CommandLine.HelpCommand.class && args[0].equals(nameOf(c)))
                .findFirst().orElse(null);
        for (Class<?> sub : only == null ? SUBCOMMANDS : List.of(only)) {
            cl.addSubcommand(sub);
        }
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

    private static String nameOf(Class<?> subcommand) {
        return subcommand.getAnnotation(Command.class).name();
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

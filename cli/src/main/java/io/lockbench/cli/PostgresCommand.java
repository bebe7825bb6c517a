package io.lockbench.cli;

import io.lockbench.servers.PostgresServer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code lockbench postgres}: which PostgreSQL server lockbench would run on, and that it answers. */
@Command(name = "postgres",
        mixinStandardHelpOptions = true,
        description = {
            "Finds the PostgreSQL server lockbench runs on and prints its description (version; your server, "
                    + "a container or embedded; fsync and synchronous_commit) and its JDBC URL.",
            "The order: --pg-url or LOCKBENCH_PG_URL, else a Testcontainers container when a Docker engine is "
                    + "there, else an embedded server from the Maven binaries, stopped when the command ends.",
            "Exit codes: 0 found, 2 none (one line saying why and how to point lockbench at a server)."
        })
final class PostgresCommand implements Callable<Integer> {

    @Mixin
    PostgresOptions postgres;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PostgresServer server = postgres.server();
        PrintWriter out = spec.commandLine().getOut();
        out.println(server.description());
        out.println(server.redactedUrl());
        return Lockbench.EXIT_VALID;
    }
}

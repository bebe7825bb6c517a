package io.lockbench.stress.nemesis;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Database;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** What a fault can reach: the database under test, the clients, the proxy. */
public interface NemesisContext {

    Backend backend();

    /** A connection to the database that bypasses the proxy, for server-side actions. */
    Database admin();

    /** The application name every client connection of this run carries (PostgreSQL). */
    String applicationName();

    /** The clients running now. */
    List<ClientHandle> clients();

    /** Whether each client runs in a JVM of its own. */
    boolean clientsInProcesses();

    /** The proxy between clients and server, or null when the run has none. */
    TcpProxy proxy();

    /** The SQLite database file, or null on PostgreSQL. */
    Path sqliteFile();

    /** The run's directory (logs of child processes, private files). */
    Path runDirectory();

    /** Seeded randomness for choices (which client to pause). */
    Random random();
}

package io.lockbench.stress.nemesis;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Database;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/** A nemesis context assembled by a test from real parts: databases, a proxy, a file. */
final class TestNemesisContext implements NemesisContext {

    final Backend backend;
    final Database admin;
    String applicationName;
    TcpProxy proxy;
    Path sqliteFile;
    Path runDirectory;
    final List<ClientHandle> clients = new ArrayList<>();

    TestNemesisContext(Backend backend, Database admin) {
        this.backend = backend;
        this.admin = admin;
    }

    /** A client handle for a database the test uses directly. */
    TestNemesisContext withClient(Database db) {
        clients.add(new ClientHandle() {
            @Override
            public long process() {
                return 0;
            }

            @Override
            public Database database() {
                return db;
            }

            @Override
            public boolean holding() {
                return false;
            }

            @Override
            public void pause(String beforeF, AtomicInteger tickets) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean paused() {
                return false;
            }

            @Override
            public void resume() {
            }

            @Override
            public long crash() {
                return -1;
            }

            @Override
            public void skewClock(java.time.Duration offset) {
                throw new UnsupportedOperationException();
            }
        });
        return this;
    }

    @Override
    public Backend backend() {
        return backend;
    }

    @Override
    public Database admin() {
        return admin;
    }

    @Override
    public String applicationName() {
        return applicationName;
    }

    @Override
    public List<ClientHandle> clients() {
        return clients;
    }

    @Override
    public boolean clientsInProcesses() {
        return false;
    }

    @Override
    public TcpProxy proxy() {
        return proxy;
    }

    @Override
    public Path sqliteFile() {
        return sqliteFile;
    }

    @Override
    public Path runDirectory() {
        return runDirectory;
    }

    @Override
    public Random random() {
        return new Random(1);
    }
}

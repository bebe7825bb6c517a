package io.lockbench.stress.client;

import io.lockbench.impl.db.Database;

/**
 * The pooled {@link Database} the runner opened for one client process. Reference clients run
 * their strategies on it, and faults that abort connections reach it.
 */
public interface ProcessDatabase {

    Database database();
}

package io.lockbench.stress.client;

import io.lockbench.api.Client;
import io.lockbench.api.ClientContext;
import io.lockbench.impl.catalog.Variant;
import io.lockbench.impl.db.Database;
import java.time.Duration;

/**
 * A client that drives one of lockbench's reference variants through the public client
 * interface, exactly as a team's own client is driven. It runs on the database the runner opened
 * for its process, or opens its own when used outside the runner.
 */
abstract class ReferenceClient implements Client {

    protected final Variant variant;
    protected Database db;
    protected ClientContext context;
    private boolean ownsDatabase;

    ReferenceClient(Variant variant) {
        this.variant = variant;
    }

    @Override
    public void setup(ClientContext context) throws Exception {
        open(context); // the stores create their tables on first use
        close();
    }

    @Override
    public final void open(ClientContext context) throws Exception {
        this.context = context;
        if (context instanceof ProcessDatabase p) {
            db = p.database();
        } else {
            db = Database.open(context.jdbcUrl());
            ownsDatabase = true;
        }
        opened();
    }

    /** Builds the variant's store on {@link #db}. */
    protected abstract void opened() throws Exception;

    protected Duration thinkTime() {
        return context.duration("think-time").orElse(Duration.ZERO);
    }

    @Override
    public void close() throws Exception {
        if (ownsDatabase && db != null) {
            db.close();
        }
        db = null;
    }
}

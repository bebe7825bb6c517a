package io.lockbench.impl.claims;

import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.SchemaMigrator;
import io.lockbench.impl.db.SchemaObjectKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The claims schema as an operator checks and undoes it: the objects the rules depend on exist by
 * name (the partial unique index that refuses a second active claim, the resource sync trigger on
 * PostgreSQL, the sessions view), and each component has a down-migration.
 */
public final class ClaimsSchema {

    private ClaimsSchema() {
    }

    /** Applies the correct store's migrations (what its constructor does); returns how many were new. */
    public static int migrate(Database db) {
        return SchemaMigrator.migrate(db, ClaimsSql.COMPONENT, ClaimsSql.migrations(db.dialect()));
    }

    /**
     * What is missing or wrong, one sentence each; empty when the schema holds every rule. Checks
     * the partial unique index is unique and partial, the trigger exists where the backend uses
     * one, and the sessions view exists.
     */
    public static List<String> check(Database db) {
        List<String> problems = new ArrayList<>();
        Optional<String> index = SchemaMigrator.definition(db, SchemaObjectKind.INDEX, ClaimsSql.ONE_ACTIVE_INDEX);
        if (index.isEmpty()) {
            problems.add("index " + ClaimsSql.ONE_ACTIVE_INDEX + " is missing: nothing stops a second active claim");
        } else {
            String def = index.get().toUpperCase(Locale.ROOT);
            if (!def.contains("UNIQUE") || !def.contains("WHERE")) {
                problems.add("index " + ClaimsSql.ONE_ACTIVE_INDEX + " is not a partial unique index: " + index.get());
            }
        }
        if (ClaimsSql.resourceSyncedByTrigger(db.dialect().backend())
                && SchemaMigrator.definition(db, SchemaObjectKind.TRIGGER, ClaimsSql.SYNC_TRIGGER).isEmpty()) {
            problems.add("trigger " + ClaimsSql.SYNC_TRIGGER + " is missing: lb_resources no longer follows claims");
        }
        if (SchemaMigrator.definition(db, SchemaObjectKind.VIEW, ClaimsSql.SESSIONS_VIEW).isEmpty()) {
            problems.add("view " + ClaimsSql.SESSIONS_VIEW + " is missing");
        }
        return problems;
    }

    /**
     * Undoes the correct store's migrations, dropping its tables, trigger and view. Roll back the
     * check-then-insert twin's first ({@link #rollbackUnindexed}): its claims refer to these tables.
     */
    public static int rollback(Database db) {
        return SchemaMigrator.rollback(db, ClaimsSql.COMPONENT, ClaimsSql.migrations(db.dialect()));
    }

    /** Undoes the check-then-insert twin's migrations (its claims table, trigger and view). */
    public static int rollbackUnindexed(Database db) {
        return SchemaMigrator.rollback(db, ClaimsSql.UNINDEXED_COMPONENT, ClaimsSql.unindexedMigrations(db.dialect()));
    }
}

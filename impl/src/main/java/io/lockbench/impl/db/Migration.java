package io.lockbench.impl.db;

import java.util.List;

/**
 * One step of a component's schema, applied once in one transaction.
 *
 * @param version     1, 2, 3 … within the component
 * @param description what it does, recorded in {@code lockbench_schema}
 * @param statements  DDL statements, run in order
 * @param down        statements that undo it, run in order by {@link SchemaMigrator#rollback}; empty
 *                    when it cannot be undone
 */
public record Migration(int version, String description, List<String> statements, List<String> down) {
    public Migration {
        if (version < 1) {
            throw new IllegalArgumentException("migration version must be ≥ 1, was " + version);
        }
        statements = List.copyOf(statements);
        down = List.copyOf(down);
    }

    public Migration(int version, String description, List<String> statements) {
        this(version, description, statements, List.of());
    }

    public static Migration of(int version, String description, String... statements) {
        return new Migration(version, description, List.of(statements));
    }

    /** The same step, with the statements that undo it. */
    public Migration withDown(String... downStatements) {
        return new Migration(version, description, statements, List.of(downStatements));
    }
}

package io.lockbench.impl.sequence;

/**
 * Where file versions live, so the duplicate finder and the repair can work on the user's own
 * table (written before it had a constraint) as well as on lockbench's. Names are as the
 * database spells them or differ only in case; SQL quotes them (see {@code VersionTableResolver}).
 *
 * @param table         the table
 * @param idColumn      a unique row id (tie-breaker when two rows have the same creation time)
 * @param fileColumn    the file the row is a version of
 * @param versionColumn the version number
 * @param createdColumn the creation time; repair renumbers in this order
 * @param revertedFromColumn the version a row was reverted from, renumbered with the versions it
 *                      points at; {@code null} when the table has none
 */
public record VersionTable(String table, String idColumn, String fileColumn, String versionColumn,
                           String createdColumn, String revertedFromColumn) {


    /** lockbench's table with {@code UNIQUE(file_id, version)}: the correct strategy writes here. */
    public static final VersionTable CONSTRAINED = standard("lb_file_versions");
    /** The same table without the constraint: the broken twin writes here, as legacy code did. */
    public static final VersionTable LEGACY = standard("lb_file_versions_legacy");

    public VersionTable {
        for (String name : new String[] {table, idColumn, fileColumn, versionColumn, createdColumn}) {
            requireIdentifier(name);
        }
        if (revertedFromColumn != null) {
            requireIdentifier(revertedFromColumn);
        }
    }

    /** A table without a reverted-from column. */
    public VersionTable(String table, String idColumn, String fileColumn, String versionColumn, String createdColumn) {
        this(table, idColumn, fileColumn, versionColumn, createdColumn, null);
    }

    /** Any name a table or column can have; it is always quoted in SQL, never spliced bare. */
    private static void requireIdentifier(String name) {
        if (name == null || name.isBlank() || name.length() > 63 || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("'" + name + "' cannot name a table or column "
                    + "(1 to 63 characters, not blank)");
        }
    }

    /** The same table with {@code column} as its reverted-from column ({@code null}: none). */
    public VersionTable withRevertedFromColumn(String column) {
        return new VersionTable(table, idColumn, fileColumn, versionColumn, createdColumn, column);
    }

    /** A table with lockbench's column names. */
    public static VersionTable standard(String table) {
        return new VersionTable(table, "id", "file_id", "version", "created_at", "reverted_from");
    }
}

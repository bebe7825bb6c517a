package io.lockbench.impl.agent;

/** What {@link LegacyStateMigration#migrate} did, as a value and as a sentence for a log or a CLI. */
public sealed interface LegacyMigrationResult permits LegacyMigrationResult.Imported,
        LegacyMigrationResult.AlreadyImported, LegacyMigrationResult.NothingToImport,
        LegacyMigrationResult.DefaultAgentHasProject {

    String summary();

    /** The legacy project now belongs to {@code agent}, whose project version is {@code version}. */
    record Imported(String agent, String project, long version) implements LegacyMigrationResult {
        @Override
        public String summary() {
            return "imported the global project '" + project + "' into agent '" + agent + "' (version " + version
                    + "); the global state was backed up to lb_global_context_backup and cleared";
        }
    }

    /** An earlier run imported it; nothing was changed. */
    record AlreadyImported(String agent, String project, long importedAt) implements LegacyMigrationResult {
        @Override
        public String summary() {
            return "nothing to do: the global project '" + project + "' was already imported into agent '" + agent
                    + "' (at " + importedAt + " ms)";
        }
    }

    /** The legacy state holds no project. */
    record NothingToImport() implements LegacyMigrationResult {
        @Override
        public String summary() {
            return "nothing to do: the legacy global state holds no project";
        }
    }

    /**
     * Not imported: the default agent already chose a project of its own, which the legacy one must
     * not overwrite. Nothing was changed or recorded, so a later run can import once this is resolved.
     */
    record DefaultAgentHasProject(String agent, String agentProject, String legacyProject)
            implements LegacyMigrationResult {
        @Override
        public String summary() {
            return "not imported: agent '" + agent + "' already works on '" + agentProject
                    + "', so the global project '" + legacyProject + "' was left where it is";
        }
    }
}

package io.lockbench.impl.sequence;

import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.Jdbc;
import io.lockbench.impl.db.SchemaMigrator;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/** Reads of a version table, shared by the strategy and its twin. */
final class FileVersionRows {

    final Database db;
    final SequenceSql sql;
    final VersionTable table;

    FileVersionRows(Database db, VersionTable table) {
        this.db = db;
        this.sql = new SequenceSql(db.dialect());
        this.table = table;
        SchemaMigrator.migrate(db, SequenceSql.COMPONENT, SequenceSql.migrations(db.dialect()));
    }

    List<FileVersion> history(String fileId) {
        return db.withConnection(c -> Jdbc.queryList(c, SequenceSql.on(sql.selectHistory, table),
                FileVersionRows::map, fileId));
    }

    Optional<FileVersion> latest(String fileId) {
        return db.withConnection(c -> Jdbc.queryOne(c, SequenceSql.on(sql.selectLatest, table),
                FileVersionRows::map, fileId));
    }

    String contentOf(java.sql.Connection c, String fileId, long version) throws SQLException {
        return Jdbc.queryOne(c, SequenceSql.on(sql.selectContent, table), rs -> Optional.ofNullable(rs.getString(1)),
                        fileId, version)
                .orElseThrow(() -> new NoSuchElementException("file '" + fileId + "' has no version " + version))
                .orElse(null);
    }

    static FileVersion map(ResultSet rs) throws SQLException {
        return new FileVersion(rs.getLong("id"), rs.getString("file_id"), rs.getLong("version"),
                rs.getString("content"), Jdbc.getLongOrNull(rs, "reverted_from"), rs.getLong("created_at"));
    }
}

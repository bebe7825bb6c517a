package io.lockbench.impl.optimistic;

import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.Jdbc;
import io.lockbench.impl.db.SchemaMigrator;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.NoSuchElementException;
import java.util.Optional;

/** The {@code lb_records} table, shared by the correct strategy and its broken twin. */
final class RecordTable {

    final Database db;
    final OptimisticSql sql;

    RecordTable(Database db) {
        this.db = db;
        this.sql = new OptimisticSql(db.dialect());
        SchemaMigrator.migrate(db, OptimisticSql.COMPONENT, OptimisticSql.migrations());
    }

    VersionedRecord create(String key, String content) {
        return db.autocommitWrite(c -> Jdbc.queryOne(c, sql.insert, RecordTable::map, key, content).orElseThrow());
    }

    Optional<VersionedRecord> read(String key) {
        return db.withConnection(c -> Jdbc.queryOne(c, sql.select, RecordTable::map, key));
    }

    VersionedRecord readExisting(String key) {
        return read(key).orElseThrow(() -> new NoSuchElementException("no record '" + key + "'"));
    }

    static VersionedRecord map(ResultSet rs) throws SQLException {
        return new VersionedRecord(rs.getString("record_key"), rs.getString("content"), rs.getLong("version"),
                rs.getLong("updated_at"));
    }
}

package io.lockbench.impl.optimistic;

import io.lockbench.impl.db.Dialect;
import io.lockbench.impl.db.Migration;
import java.util.List;

/** All SQL of the optimistic-retry strategy and its twin, for any dialect. */
final class OptimisticSql {

    static final String COMPONENT = "optimistic";

    final String insert;
    final String select;
    /** The conditional update: the row count says whether our read was still current. */
    final String compareAndSet;
    /** {@link CheckContentAfterWriteStore}'s unconditional increment. */
    final String blindUpdate;
    /** {@link VerifyAfterWriteStore}'s unconditional write of a version the client computed. */
    final String blindSetVersion;

    OptimisticSql(Dialect d) {
        insert = "INSERT INTO lb_records (record_key, content, version, updated_at) VALUES (?, ?, 1, "
                + d.nowMillis() + ") RETURNING record_key, content, version, updated_at";
        select = "SELECT record_key, content, version, updated_at FROM lb_records WHERE record_key = ?";
        compareAndSet = "UPDATE lb_records SET content = ?, version = version + 1, updated_at = " + d.nowMillis()
                + " WHERE record_key = ? AND version = ? RETURNING record_key, content, version, updated_at";
        blindUpdate = "UPDATE lb_records SET content = ?, version = version + 1, updated_at = " + d.nowMillis()
                + " WHERE record_key = ?";
        blindSetVersion = "UPDATE lb_records SET content = ?, version = ?, updated_at = " + d.nowMillis()
                + " WHERE record_key = ?";
    }

    static List<Migration> migrations() {
        return List.of(Migration.of(1, "records with a version column",
                "CREATE TABLE IF NOT EXISTS lb_records ("
                        + "record_key VARCHAR(200) PRIMARY KEY, "
                        + "content TEXT NOT NULL, "
                        + "version BIGINT NOT NULL, "
                        + "updated_at BIGINT NOT NULL)"));
    }
}

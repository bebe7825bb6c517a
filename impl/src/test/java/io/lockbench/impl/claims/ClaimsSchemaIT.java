package io.lockbench.impl.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.DatabaseException;
import io.lockbench.impl.db.ErrorKind;
import io.lockbench.impl.db.Jdbc;
import io.lockbench.impl.db.SchemaMigrator;
import io.lockbench.impl.db.SchemaObjectKind;
import io.lockbench.impl.testing.BackendTest;
import io.lockbench.impl.testing.DatabaseFixture;
import org.junit.jupiter.api.extension.RegisterExtension;

class ClaimsSchemaIT {

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    @BackendTest
    void aMigratedDatabase_hasTheIndexTheTriggerWhereUsedAndTheView(Backend backend) {
        Database db = databases.open(backend);
        new PessimisticClaimStore(db);

        assertThat(ClaimsSchema.check(db)).isEmpty();
        assertThat(SchemaMigrator.definition(db, SchemaObjectKind.INDEX, "lb_claims_one_active")).hasValueSatisfying(
                def -> assertThat(def).containsIgnoringCase("unique").containsIgnoringCase("where"));
        assertThat(SchemaMigrator.definition(db, SchemaObjectKind.TRIGGER, "lb_claims_sync_resource").isPresent())
                .as("the sync trigger exists where the backend uses one").isEqualTo(backend == Backend.POSTGRESQL);
        assertThat(SchemaMigrator.definition(db, SchemaObjectKind.VIEW, "lb_active_sessions")).isPresent();
    }

    @BackendTest
    void theIndexItself_refusesASecondActiveClaimInsertedWithRawSql(Backend backend) {
        Database db = databases.open(backend);
        ClaimStore store = new PessimisticClaimStore(db);
        Session alice = Sessions.start(store, "alice");
        Session bob = Sessions.start(store, "bob");
        store.claim("doc", alice.id()).claimOrThrow();
        String insert = "INSERT INTO lb_claims (resource_id, session_id, status, token, claimed_at, heartbeat_at) "
                + "VALUES ('doc', ?, ?, 99, 0, 0)";

        assertThatThrownBy(() -> db.withConnection(c -> Jdbc.update(c, insert, bob.id(), "active")))
                .isInstanceOfSatisfying(DatabaseException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNIQUE_VIOLATION));
        int inserted = db.withConnection(c -> Jdbc.update(c, insert, bob.id(), "released"));
        assertThat(inserted)
                .as("an inactive claim is no concern of the index").isEqualTo(1);
        assertThat(store.activeClaims("doc")).singleElement().satisfies(c -> assertThat(c.sessionId()).isEqualTo(alice.id()));
    }

    @BackendTest
    void aDroppedIndexOrView_isReportedByName(Backend backend) {
        Database db = databases.open(backend);
        new PessimisticClaimStore(db);
        db.withConnection(c -> Jdbc.update(c, "DROP INDEX lb_claims_one_active"));
        db.withConnection(c -> Jdbc.update(c, "DROP VIEW lb_active_sessions"));

        assertThat(ClaimsSchema.check(db)).containsExactly(
                "index lb_claims_one_active is missing: nothing stops a second active claim",
                "view lb_active_sessions is missing");
    }

    @BackendTest
    void aPlainIndexUnderTheName_isNotTakenForThePartialUniqueOne(Backend backend) {
        Database db = databases.open(backend);
        new PessimisticClaimStore(db);
        db.withConnection(c -> Jdbc.update(c, "DROP INDEX lb_claims_one_active"));
        db.withConnection(c -> Jdbc.update(c, "CREATE INDEX lb_claims_one_active ON lb_claims (resource_id)"));

        assertThat(ClaimsSchema.check(db)).singleElement().asString().contains("is not a partial unique index");
    }

    @BackendTest
    void downMigrations_removeEveryObject_andMigratingAgainRestoresThem(Backend backend) {
        Database db = databases.open(backend);
        new CheckThenInsertClaimStore(db); // both components: the twin's claims refer to the correct store's tables

        assertThat(ClaimsSchema.rollbackUnindexed(db)).isEqualTo(3);
        assertThat(ClaimsSchema.rollback(db)).isEqualTo(3);

        for (String table : new String[] {"lb_claims", "lb_claims_unindexed", "lb_resources", "lb_sessions",
                "lb_claims_settings"}) {
            assertThat(SchemaMigrator.definition(db, SchemaObjectKind.TABLE, table)).as(table).isEmpty();
        }
        assertThat(SchemaMigrator.definition(db, SchemaObjectKind.VIEW, "lb_active_sessions")).isEmpty();
        assertThat(SchemaMigrator.definition(db, SchemaObjectKind.INDEX, "lb_claims_one_active")).isEmpty();
        assertThat(SchemaMigrator.definition(db, SchemaObjectKind.TRIGGER, "lb_claims_sync_resource")).isEmpty();
        assertThat(ClaimsSchema.check(db)).hasSizeGreaterThanOrEqualTo(2);

        assertThat(ClaimsSchema.migrate(db)).isEqualTo(3);
        assertThat(ClaimsSchema.check(db)).isEmpty();
        ClaimStore store = new PessimisticClaimStore(db);
        assertThat(store.claim("doc", Sessions.start(store, "alice").id()).granted()).isTrue();
    }
}

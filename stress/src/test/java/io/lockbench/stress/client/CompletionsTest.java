package io.lockbench.stress.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.api.Completion;
import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.DatabaseException;
import io.lockbench.impl.db.Dialects;
import io.lockbench.impl.db.ErrorKind;
import io.lockbench.impl.db.IndeterminateCommitException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class CompletionsTest {

    static Completion of(Throwable e, boolean readOnly) {
        return Completions.fromException(e, Dialects.of(Backend.POSTGRESQL), readOnly);
    }

    @Test
    void anErrorDuringCommit_isInfo_neverFail() {
        Completion c = of(new IndeterminateCommitException("connection lost during COMMIT", null), false);

        assertThat(c.isInfo()).isTrue();
        assertThat(c.errorKind()).isEqualTo("INDETERMINATE_COMMIT");
    }

    @Test
    void aConflictTheDatabaseRolledBack_isFail() {
        for (ErrorKind kind : new ErrorKind[] {ErrorKind.UNIQUE_VIOLATION, ErrorKind.SERIALIZATION_FAILURE,
                ErrorKind.DEADLOCK, ErrorKind.LOCK_NOT_AVAILABLE, ErrorKind.BUSY}) {
            Completion c = of(new DatabaseException(kind, "refused", null), false);
            assertThat(c.isFail()).as("%s", kind).isTrue();
            assertThat(c.errorKind()).isEqualTo(kind.name());
        }
    }

    @Test
    void aLostConnectionOutsideCommit_isInfoForAWrite_andFailForARead() {
        SQLException lost = new SQLException("An I/O error occurred while sending to the backend.", "08006");

        assertThat(of(lost, false).isInfo()).isTrue();
        assertThat(of(lost, true).isFail()).isTrue();
        assertThat(of(lost, false).errorKind()).isEqualTo("CONNECTION_LOST");
    }

    @Test
    void anythingUnclassified_isInfo_forAWrite() {
        assertThat(of(new IllegalStateException("surprise"), false).isInfo()).isTrue();
        assertThat(of(new OperationTimeoutException("no answer in 10 s"), false).errorKind()).isEqualTo("TIMEOUT");
    }
}

package io.lockbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lockbench check --consistency-models}, and the hint about independent histories. */
class CheckConsistencyModelsTest {

    @TempDir
    Path dir;

    private Path writeSkew;

    @BeforeEach
    void histories() throws IOException {
        // Elle's write skew, written without :f as Elle accepts: G2-item.
        writeSkew = Files.writeString(dir.resolve("write-skew.edn"), """
                {:index 0, :type :invoke, :process 0, :value [[:r :x nil] [:r :y nil] [:append :x 1]]}
                {:index 1, :type :invoke, :process 1, :value [[:r :x nil] [:r :y nil] [:append :y 1]]}
                {:index 2, :type :ok, :process 0, :value [[:r :x []] [:r :y []] [:append :x 1]]}
                {:index 3, :type :ok, :process 1, :value [[:r :x []] [:r :y []] [:append :y 1]]}
                {:index 4, :type :invoke, :process 2, :value [[:r :x nil] [:r :y nil]]}
                {:index 5, :type :ok, :process 2, :value [[:r :x [1]] [:r :y [1]]]}
                """);
    }

    @Test
    void writeSkewAtSerializable_isInvalidAsG2Item_andStillSnapshotIsolation() {
        CommandRun run = CommandRun.of("check", "--model", "list-append", writeSkew.toString());

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("checked serializable: G2-item ×1", "not repeatable-read",
                "still satisfies", "snapshot-isolation");
    }

    @Test
    void writeSkewAtSnapshotIsolation_isValid() {
        CommandRun run = CommandRun.of("check", "--model", "list-append", "--consistency-models",
                "snapshot-isolation", writeSkew.toString());

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(0);
        assertThat(run.out()).contains("checked snapshot-isolation: valid", "allowed there: G2-item ×1");
    }

    @Test
    void anUnknownConsistencyModel_exitsTwo_namingTheValidOnes() {
        CommandRun run = CommandRun.of("check", "--model", "list-append", "--consistency-models", "linearizable",
                writeSkew.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("'linearizable'", "read-committed", "strict-serializable");
    }

    @Test
    void readYourWritesViolation_isValidAtSerializable_andGSingleItemProcessAtStrongSessionSerializable()
            throws IOException {
        // Process 0 appends to x, then reads x without its own append.
        Path ownAppendUnread = Files.writeString(dir.resolve("own-append-unread.edn"), """
                {:index 0, :type :invoke, :process 0, :value [[:append :x 1]]}
                {:index 1, :type :ok, :process 0, :value [[:append :x 1]]}
                {:index 2, :type :invoke, :process 0, :value [[:r :x nil]]}
                {:index 3, :type :ok, :process 0, :value [[:r :x []]]}
                """);

        CommandRun plain = CommandRun.of("check", "--model", "list-append", ownAppendUnread.toString());
        CommandRun session = CommandRun.of("check", "--model", "list-append", "--consistency-models",
                "strong-session-serializable", ownAppendUnread.toString());

        assertThat(plain.exit()).as(plain.out() + plain.err()).isEqualTo(0);
        assertThat(session.exit()).as(session.out() + session.err()).isEqualTo(1);
        assertThat(session.out()).contains("G-single-item-process ×1", "not strong-session-snapshot-isolation",
                "-process->");
    }

    @Test
    void consistencyModelsForARegister_exitsTwo() {
        CommandRun run = CommandRun.of("check", "--model", "cas-register", "--consistency-models", "serializable",
                writeSkew.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("transactional models only (list-append, rw-register)");
    }

    @Test
    void readSkewOfRegisters_isInvalidAtSnapshotIsolation_andValidAtReadCommitted() throws IOException {
        // Elle's rw-register read skew: x read as nil, y as the value written with x: G-single-item.
        Path readSkew = Files.writeString(dir.resolve("read-skew.edn"), """
                {:index 0, :type :invoke, :process 0, :value [[:w :x 1] [:w :y 1]]}
                {:index 1, :type :ok, :process 0, :value [[:w :x 1] [:w :y 1]]}
                {:index 2, :type :invoke, :process 1, :value [[:r :x nil] [:r :y nil]]}
                {:index 3, :type :ok, :process 1, :value [[:r :x nil] [:r :y 1]]}
                """);

        CommandRun si = CommandRun.of("check", "--model", "rw-register", "--consistency-models",
                "snapshot-isolation", readSkew.toString());
        CommandRun rc = CommandRun.of("check", "--model", "rw-register", "--consistency-models",
                "read-committed", readSkew.toString());

        assertThat(si.exit()).as(si.out() + si.err()).isEqualTo(1);
        assertThat(si.out()).contains("checked snapshot-isolation: G-single-item ×1");
        assertThat(rc.exit()).as(rc.out() + rc.err()).isZero();
        assertThat(rc.out()).contains("checked read-committed: valid", "allowed there: G-single-item ×1");
    }

    @Test
    void pairsAsValuesWithoutIndependent_getTheHint() throws IOException {
        Path pairs = Files.writeString(dir.resolve("pairs.edn"), """
                {:type :invoke, :process 0, :f :write, :value [:a 1]}
                {:type :ok, :process 0, :f :write, :value [:a 1]}
                {:type :invoke, :process 1, :f :read, :value [:a nil]}
                {:type :ok, :process 1, :f :read, :value [:a 1]}
                """);

        CommandRun without = CommandRun.of("check", pairs.toString());
        CommandRun with = CommandRun.of("check", "--independent", pairs.toString());

        assertThat(without.out()).contains("looks like a Jepsen independent history", "pass --independent");
        assertThat(with.exit()).isEqualTo(0);
        assertThat(with.out()).doesNotContain("looks like");
    }
}

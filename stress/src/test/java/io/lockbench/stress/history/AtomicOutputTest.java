package io.lockbench.stress.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {

    @TempDir
    Path dir;

    /** A history whose op values fail while being written: the write stops half way. */
    private static History failingHalfWay() {
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ops.add(new Op(i, OpType.INVOKE, i, "write", null, i < 9_000 ? (Object) (long) i : new Object() {
                @Override
                public String toString() {
                    throw new UncheckedIOException(new IOException("disk full"));
                }
            }, i, null));
        }
        return new History(ops);
    }

    @Test
    void aFailedWrite_leavesTheOldFileAsItWas_andNoTemporaryFile() throws IOException {
        Path edn = dir.resolve("h.edn");
        Path jsonl = dir.resolve("h.jsonl");
        Files.writeString(edn, "old edn\n");
        Files.writeString(jsonl, "old jsonl\n");

        assertThatThrownBy(() -> EdnHistoryWriter.write(failingHalfWay(), edn, false)).hasRootCauseMessage("disk full");
        assertThatThrownBy(() -> JsonLinesWriter.write(failingHalfWay(), jsonl)).hasRootCauseMessage("disk full");

        assertThat(Files.readString(edn)).isEqualTo("old edn\n");
        assertThat(Files.readString(jsonl)).isEqualTo("old jsonl\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(edn, jsonl);
        }
    }

    @Test
    void aSymbolicLink_isKept_andTheFileItPointsAtReplaced() throws IOException {
        Path real = dir.resolve("real.jsonl");
        Path link = dir.resolve("link.jsonl");
        Files.writeString(real, "old\n");
        Files.createSymbolicLink(link, real);

        JsonLinesWriter.write(History.of(Op.invoke(0, 0, "read", null, null, 0)), link);

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).startsWith("{\"index\":0");
    }

    @Test
    void aMissingDirectory_namesTheTargetAndTheReason() {
        Path target = dir.resolve("no/such/dir/h.jsonl");

        assertThatThrownBy(() -> JsonLinesWriter.write(History.of(), target))
                .hasMessageContaining(target.toString()).hasMessageContaining("no such directory");
    }
}

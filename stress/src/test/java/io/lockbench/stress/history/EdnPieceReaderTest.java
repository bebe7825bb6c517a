package io.lockbench.stress.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading in pieces gives what reading the whole file gives, or leaves the decision to it. */
class EdnPieceReaderTest {

    private static final int PIECES = 7;

    @TempDir
    Path dir;

    /** A synthetic independent history, one map per line, as Jepsen writes history.edn. */
    private List<String> lines() {
        History h = SyntheticHistories.generate(SyntheticHistories.Spec.of("cas-register", 3000, 10, 5, 0.1, 1));
        List<String> lines = new ArrayList<>();
        for (Op op : h) {
            lines.add(EdnHistoryWriter.format(op));
        }
        return lines;
    }

    private Path file(List<String> lines) throws IOException {
        Path file = dir.resolve("history.edn");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private static List<Op> wholeFile(Path file) throws IOException {
        return EdnHistoryReader.read(file, true).history().ops();
    }

    @Test
    void aHistoryWithOneMapPerLine_readsInPieces_exactlyAsWhole() throws IOException {
        Path file = file(lines());

        List<Op> pieces = EdnPieceReader.readInPieces(file, true, PIECES);

        assertThat(pieces).isNotNull().hasSize(6000).isEqualTo(wholeFile(file));
    }

    @Test
    void opsWithoutIndex_areNumberedByTheirPlaceInTheWholeFile() throws IOException {
        List<String> lines = lines();
        lines.replaceAll(line -> line.replaceFirst("\\{:index [0-9]+, ", "{"));
        Path file = file(lines);

        List<Op> pieces = EdnPieceReader.readInPieces(file, true, PIECES);

        assertThat(pieces).isNotNull().isEqualTo(wholeFile(file));
        assertThat(pieces.get(5999).index()).isEqualTo(5999);
    }

    @Test
    void timesGoingBackAcrossACut_areLeftToTheWholeFile_whoseWarningNamesTheLine() throws IOException {
        List<String> lines = lines();
        lines.set(4000, lines.get(4000).replaceFirst(":time [0-9]+", ":time 0"));
        Path file = file(lines);

        assertThat(EdnPieceReader.readInPieces(file, true, PIECES)).isNull();
        assertThat(EdnPieceReader.read(file, true).warnings())
                .isEqualTo(EdnHistoryReader.read(file, true).warnings())
                .singleElement().asString().contains(":4001: time 0 is earlier than time");
    }

    @Test
    void timesGoingBackExactlyAtACut_areNoticed_thoughEachPieceIsInOrder() throws IOException {
        List<String> lines = lines();
        int cutLine = 3000;
        long before = time(lines.get(cutLine - 1));
        long cut = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (i < cutLine) {
                cut += lines.get(i).length() + 1;
            } else {
                long shifted = time(lines.get(i)) - before; // still increasing, but below the line before the cut
                lines.set(i, lines.get(i).replaceFirst(":time [0-9]+", ":time " + shifted));
            }
        }
        Path file = file(lines);

        assertThat(EdnPieceReader.readCutAt(file, true, cut)).isNull();
        assertThat(EdnPieceReader.read(file, true).warnings()).singleElement().asString()
                .contains(":3001: time ");
    }

    private static long time(String line) {
        return Long.parseLong(line.replaceFirst(".*:time ([0-9]+).*", "$1"));
    }

    @Test
    void aMalformedOpLate_inTheFile_isReportedByTheWholeFilesReader_withItsLine() throws IOException {
        List<String> lines = lines();
        lines.set(5000, "{:type :okay, :f :read, :process 0, :value [1 nil]}");
        Path file = file(lines);

        assertThat(EdnPieceReader.readInPieces(file, true, PIECES)).isNull();
        assertThatThrownBy(() -> EdnPieceReader.read(file, true))
                .hasMessageStartingWith(file + ":5001: expected :type to be one of");
    }

    @Test
    void aCutInsideAValueSpanningLines_isNotTrusted() throws IOException {
        // Every other op's string spans two lines, the second looking like a map: a cut may land there.
        List<String> lines = lines();
        for (int i = 0; i < lines.size(); i += 2) {
            lines.set(i, lines.get(i).replace("}", ", :note \"a\n{:type :ok, :f :read, :process 0, :value [1 2]}\"}"));
        }
        Path file = file(lines);

        assertThat(EdnPieceReader.readInPieces(file, true, PIECES)).isNull();
        assertThat(EdnPieceReader.read(file, true).history().ops()).isEqualTo(wholeFile(file)).hasSize(6000);
    }

    @Test
    void aHistoryInOneVector_isReadWhole() throws IOException {
        List<String> lines = lines();
        lines.set(0, "[" + lines.get(0));
        lines.set(lines.size() - 1, lines.get(lines.size() - 1) + "]");
        Path file = file(lines);

        assertThat(EdnPieceReader.readInPieces(file, true, PIECES)).isNull();
        assertThat(EdnPieceReader.read(file, true).history().ops()).isEqualTo(wholeFile(file)).hasSize(6000);
    }
}

package io.lockbench.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportInputsTest {

    @Test
    void aDirectory_isSearchedForBothKinds_byContentNotName(@TempDir Path dir) throws IOException {
        Fixtures.copy(Fixtures.OPTIMISTIC_RUN, dir.resolve("runs"));
        Files.createDirectories(dir.resolve("bench"));
        Files.copy(Fixtures.path(Fixtures.CLEAR_AND_NOISY), dir.resolve("bench").resolve("results.json"));
        Files.writeString(dir.resolve("unrelated.json"), "{\"name\": \"not results\"}");

        ReportData data = ReportInputs.read(List.of(dir));

        assertThat(data.bench()).hasSize(1);
        assertThat(data.stress()).extracting(r -> r.results().scenario()).containsExactly("optimistic--kill-connections");
    }

    @Test
    void aLinkToADirectory_isFollowed_butLinksBelowItAreNot(@TempDir Path dir) throws IOException {
        Path real = dir.resolve("20261202T120000Z");
        Fixtures.copy(Fixtures.OPTIMISTIC_RUN, real.resolve("runs"));
        Files.createSymbolicLink(real.resolve("runs").resolve("latest"), Path.of("optimistic--kill-connections"));
        Path latest = Files.createSymbolicLink(dir.resolve("latest"), real.getFileName());

        ReportData data = ReportInputs.read(List.of(latest));

        assertThat(data.stress()).hasSize(1);
    }

    @Test
    void malformedJson_namesTheFileAndLine(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("results.json");
        Files.writeString(bad, "[\n  {\"benchmark\": \"x\",\n  oops\n]");

        assertThatThrownBy(() -> ReportInputs.read(List.of(bad))).isInstanceOf(ReportInputException.class)
                .hasMessageStartingWith(bad + ":3: not JSON");
    }

    @Test
    void aMissingFile_isNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nowhere.json");

        assertThatThrownBy(() -> ReportInputs.read(List.of(missing))).isInstanceOf(ReportInputException.class)
                .hasMessage(missing + ": no such file or directory");
    }

    @Test
    void jsonOfAnotherKind_saysWhatWasExpected(@TempDir Path dir) throws IOException {
        Path other = dir.resolve("package.json");
        Files.writeString(other, "{\"name\": \"left-pad\"}");

        assertThatThrownBy(() -> ReportInputs.read(List.of(other))).isInstanceOf(ReportInputException.class)
                .hasMessageContaining(other + ": neither JMH JSON results").hasMessageContaining("lockbench-run/1");
    }

    @Test
    void anArrayThatIsNotJmhOutput_namesTheResultThatIsWrong(@TempDir Path dir) throws IOException {
        Path other = dir.resolve("list.json");
        Files.writeString(other, "[{\"mode\": \"thrpt\"}]");

        assertThatThrownBy(() -> ReportInputs.read(List.of(other))).isInstanceOf(ReportInputException.class)
                .hasMessageContaining(other + ": result 0: no \"primaryMetric\"; expected a JMH result");
    }

    @Test
    void aDirectoryWithoutResults_isAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> ReportInputs.read(List.of(dir))).isInstanceOf(ReportInputException.class)
                .hasMessageContaining(dir + ": no results below this directory");
    }
}

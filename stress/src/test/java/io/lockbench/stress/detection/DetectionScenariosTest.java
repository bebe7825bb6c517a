package io.lockbench.stress.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.impl.catalog.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The committed detection scenarios are exactly what {@link DetectionTable} generates from {@link Variant}. */
class DetectionScenariosTest {

    static final Path DIR = Path.of("..", "scenarios", "detection");

    @Test
    void everyRowHasItsScenarioFile_asGenerated() throws IOException {
        if (Boolean.getBoolean("lockbench.regenerate")) {
            DetectionTable.write(DIR);
        }
        for (DetectionTable.Row row : DetectionTable.rows()) {
            Path file = DIR.resolve(row.fileName());
            assertThat(file).as("%s (regenerate with -Dlockbench.regenerate=true)", file).exists();
            assertThat(Files.readString(file)).as("%s is out of date: regenerate with -Dlockbench.regenerate=true", file)
                    .isEqualTo(DetectionTable.yaml(row));
        }
        try (Stream<Path> files = Files.list(DIR)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names).as("files with no row").containsExactlyInAnyOrderElementsOf(
                    DetectionTable.rows().stream().map(DetectionTable.Row::fileName).toList());
        }
    }

    @Test
    void everyVariantIsInTheTable_andEveryBrokenTwinIsExpectedInvalidWithItsAnomaly() {
        for (Variant v : Variant.values()) {
            List<DetectionTable.Row> rows = DetectionTable.rows().stream().filter(r -> r.variant() == v).toList();
            assertThat(rows).as("rows of %s", v).isNotEmpty();
            for (DetectionTable.Row row : rows) {
                var s = DetectionTable.scenario(row);
                assertThat(s.expect()).isEqualTo(v.isBroken() ? "invalid" : "valid");
                assertThat(s.anomaly()).isEqualTo(v.expectedAnomaly().map(DetectionTable::anomalyType).orElse(null));
            }
        }
    }
}

package io.lockbench.stress.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioFilesTest {

    @TempDir
    Path dir;

    static final String CLAIMS = """
            description: claims under pauses
            variant: pessimistic-claims
            workload:
              keys: 2
              distribution: zipfian
              settings:
                stale-after: 500ms
            clients: 6
            duration: 5s
            seed: 42
            nemesis:
              - fault: pause-client
                start: 1s
                hold: 2s
                options:
                  targets: holder
            expect: valid
            """;

    @Test
    void aScenarioFile_isReadWithItsNameFromTheFile() throws IOException {
        Path file = write("claims-pause.yaml", CLAIMS);

        Scenario s = ScenarioFiles.read(file);

        assertThat(s.name()).isEqualTo("claims-pause");
        assertThat(s.variant()).isEqualTo("pessimistic-claims");
        assertThat(s.workload().keys()).isEqualTo(2);
        assertThat(s.workload().settings()).containsEntry("stale-after", "500ms");
        assertThat(s.duration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.nemesis()).singleElement().satisfies(f -> {
            assertThat(f.fault()).isEqualTo("pause-client");
            assertThat(f.hold()).isEqualTo(Duration.ofSeconds(2));
            assertThat(f.options()).containsEntry("targets", "holder");
        });
    }

    @Test
    void anUnknownField_namesTheFileTheLineTheFieldAndTheValidOnes() throws IOException {
        Path file = write("typo.yaml", "variant: optimistic\nworkload:\n  keys: 2\n  keyz: 3\n");

        assertThatThrownBy(() -> ScenarioFiles.read(file))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("typo.yaml:4")
                .hasMessageContaining("unknown field 'workload.keyz'")
                .hasMessageContaining("valid fields of workload: distribution, keys, mix, settings, skew, type");
    }

    @Test
    void aValueOfTheWrongType_saysWhatWasExpected() throws IOException {
        Path file = write("bad.yaml", "variant: optimistic\nclients: four\n");

        assertThatThrownBy(() -> ScenarioFiles.read(file))
                .hasMessageContaining("bad.yaml:2")
                .hasMessageContaining("field 'clients': expected a whole number, got 'four'");
    }

    @Test
    void aBadDuration_saysHowToWriteOne() throws IOException {
        Path file = write("d.yaml", "variant: optimistic\nduration: ten seconds\n");

        assertThatThrownBy(() -> ScenarioFiles.read(file))
                .hasMessageContaining("field 'duration'")
                .hasMessageContaining("write it like 500ms, 10s, 2m or 1h");
    }

    @Test
    void badValues_areNamedWithTheAllowedOnes_whenResolved() {
        assertThatThrownBy(() -> resolve("variant: optimistic\nbackend: oracle\n"))
                .hasMessageContaining("field 'backend': unknown backend 'oracle'; valid: sqlite, postgresql");
        assertThatThrownBy(() -> resolve("variant: optimistik\n"))
                .hasMessageContaining("field 'variant': unknown variant 'optimistik'; valid: optimistic,");
        assertThatThrownBy(() -> resolve("variant: optimistic\nworkload:\n  distribution: zipf\n"))
                .hasMessageContaining("unknown key distribution 'zipf'; valid: uniform, hotspot, zipfian");
        assertThatThrownBy(() -> resolve("variant: optimistic\nworkload:\n  type: claims\n"))
                .hasMessageContaining("variant optimistic is exercised by the register workload, not claims");
        assertThatThrownBy(() -> resolve("variant: optimistic\nnemesis:\n  - fault: meteor\n"))
                .hasMessageContaining("field 'nemesis.0.fault': unknown fault 'meteor'; valid: kill-connections,");
        assertThatThrownBy(() -> resolve("variant: optimistic\nworkload:\n  settings:\n    stale-after: 1s\n"))
                .hasMessageContaining("unknown setting 'stale-after' for workload register; valid: busy-timeout,");
        assertThatThrownBy(() -> resolve("variant: optimistic\nexpect: fine\n"))
                .hasMessageContaining("field 'expect': 'fine'; valid: valid, invalid");
        assertThatThrownBy(() -> resolve("variant: optimistic\nclients: 0\n"))
                .hasMessageContaining("field 'clients': must be between 1 and 1000, was 0");
    }

    @Test
    void overrides_setAnyFieldByItsPath() throws IOException {
        Path file = write("claims.yaml", CLAIMS);

        Scenario s = ScenarioFiles.read(file, Map.of("backend", "postgresql", "workload.keys", "8",
                "workload.settings.think-time", "2ms", "nemesis.0.hold", "3s", "seed", "7"));

        assertThat(s.backend()).isEqualTo("postgresql");
        assertThat(s.workload().keys()).isEqualTo(8);
        assertThat(s.workload().settings()).containsEntry("think-time", "2ms").containsEntry("stale-after", "500ms");
        assertThat(s.seed()).isEqualTo(7L);
    }

    @Test
    void anOverrideOfAnUnknownField_isAnErrorNamingIt() throws IOException {
        Path file = write("claims.yaml", CLAIMS);

        assertThatThrownBy(() -> ScenarioFiles.read(file, Map.of("workload.colour", "blue")))
                .hasMessageContaining("with overrides")
                .hasMessageContaining("unknown field 'workload.colour'");
    }

    @Test
    void theResolvedScenario_isWrittenAndReadBackUnchanged() throws IOException {
        Scenario resolved = Scenarios.resolve(ScenarioFiles.read(write("claims.yaml", CLAIMS)), "claims.yaml");

        Path again = write("again.yaml", ScenarioFiles.toYaml(resolved));
        Scenario reread = Scenarios.resolve(ScenarioFiles.read(again), "again.yaml");

        assertThat(reread).isEqualTo(resolved);
        assertThat(resolved.seed()).isEqualTo(42L);
        assertThat(resolved.backend()).isEqualTo("sqlite");
        assertThat(resolved.workload().type()).isEqualTo("claims");
        assertThat(resolved.nemesis().get(0).heal()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aScenarioWithoutSeed_getsOneDrawn_thatTheResolvedFormKeeps() {
        Scenario s = Scenarios.resolve(ScenarioFiles.parse("variant: optimistic\n", "x", Map.of()), "x");

        assertThat(s.seed()).isPositive();
        assertThat(ScenarioFiles.toYaml(s)).contains("seed: " + s.seed());
    }

    private Scenario resolve(String yaml) {
        return Scenarios.resolve(ScenarioFiles.parse(yaml, "s.yaml", Map.of()), "s.yaml");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}

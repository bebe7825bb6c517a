package io.lockbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.stress.runner.RunResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team's client, compiled outside lockbench against lockbench-api alone and packed in a jar,
 * run by {@code lockbench run --client-jar} on SQLite: found with ServiceLoader, or by the class
 * the scenario names, and judged like a reference strategy.
 */
class ClientJarIT {

    @TempDir
    static Path dir;
    static Path jar;

    static final String SCENARIO = """
            workload: {type: register, keys: 2}
            clients: 4
            duration: 2s
            """;

    @BeforeAll
    static void buildTheTeamsJar() throws IOException {
        jar = ClientJars.build(dir, "account-dao", Map.of("com.example.AccountDao", ClientJars.ACCOUNT_DAO,
                "com.example.LostUpdateDao", ClientJars.LOST_UPDATE_DAO), "com.example.AccountDao\n");
    }

    private static CommandRun run(String name, String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve(name + ".yaml"), yaml);
        return CommandRun.of("run", file.toString(), "--client-jar", jar.toString(), "--runs-dir",
                dir.resolve("runs").toString(), "--quiet");
    }

    private static RunResults results(String name) throws IOException {
        try (var runs = Files.list(dir.resolve("runs").resolve(name))) {
            Path run = runs.filter(Files::isDirectory).findFirst().orElseThrow();
            return RunResults.read(run.resolve("results.json"));
        }
    }

    @Test
    void theClientTheJarDeclares_isFoundWithServiceLoader_andACorrectOnePasses() throws IOException {
        CommandRun run = run("declared", SCENARIO);

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(0);
        assertThat(run.out()).contains("declared on SQLite").contains("VALID");
        RunResults r = results("declared");
        assertThat(r.variant()).isEqualTo("com.example.AccountDao");
        assertThat(r.ops().ok()).isGreaterThan(50);
    }

    @Test
    void theClassTheScenarioNames_isRunInstead_andABrokenOneIsCaught() throws IOException {
        CommandRun run = run("named", "client: com.example.LostUpdateDao\n" + SCENARIO);

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("INVALID").contains("nonlinearizable");
        assertThat(results("named").variant()).isEqualTo("com.example.LostUpdateDao");
    }
}
